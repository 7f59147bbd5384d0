// Stage 1 · Kubelet: where the kubelet learns which pods it should run.
//
// The kubelet never decides what to run; it is told. In Kubernetes it listens to
// several *sources* at once: a folder of manifests (static pods), the API server (pods
// bound to its node, from stage 2 on), even an HTTP URL. Each source reports its
// complete set of pods whenever that set changes, and the kubelet merges the sets.
// Stage 1 has one source, the manifest folder; stage 2 adds the API server as a second
// source without changing the kubelet, by conforming to this protocol.

import API

/// A source of desired pods: it reports its complete set each time the set changes.
public protocol PodSource: Sendable {
    /// The source's name, recorded on its pods (`kubernetes.io/config.source`): `file`, `api`.
    var name: String { get }

    /// Watches the source until cancelled, calling `deliver` with every new complete set.
    func run(deliver: @escaping @Sendable (PodSourceUpdate) async -> Void) async throws
}

/// One source's complete set of desired pods at one moment.
public struct PodSourceUpdate: Sendable {
    public var source: String
    /// Every pod the source wants running now; pods it no longer lists are to stop.
    public var pods: [Pod]

    public init(source: String, pods: [Pod]) {
        self.source = source
        self.pods = pods
    }
}

/// Annotations the kubelet puts on the pods it gets from its sources, as Kubernetes does.
public enum ConfigAnnotation {
    /// Which source a pod came from: `file` for a static pod, `api` for one from the API server.
    public static let source = "kubernetes.io/config.source"
    /// A hash of the pod's manifest; it is also the static pod's uid.
    public static let hash = "kubernetes.io/config.hash"
    /// When the kubelet first saw this version of the pod.
    public static let seen = "kubernetes.io/config.seen"
}
