// Stage 2 · KubeletAPI: the pods the API server has bound to this node.
//
// The kubelet's second source, beside the manifest folder. It reads the node's pods
// from the `PodLister` and delivers the set it should run whenever that set changes, so
// a pod created with `nodeName: node1` starts on node1's kubelet within a poll.
//
// Mirror pods (annotation `kubernetes.io/config.mirror`) are left out of the desired set:
// they are this kubelet's own reflections of its static pods, already run by the file
// source. Terminating pods (`metadata.deletionTimestamp` set) stay in it, as in
// Kubernetes: the kubelet sees the mark and the grace period the API server chose
// (`--grace-period`, `--now`), stops the pod's containers with it, and `PodDeleter`
// then finishes the deletion.

import API
import Kubelet

/// The `api` pod source: the pods bound to this node in the API server. Made by
/// `KubeletAPIConnection`, run by the kubelet.
public struct APIServerSource: PodSource {
    public let name = "api"
    /// Where the node's pods are read.
    public let pods: any PodLister

    public init(pods: any PodLister) { self.pods = pods }

    public func run(deliver: @escaping @Sendable (PodSourceUpdate) async -> Void) async throws {
        var lastDelivered: [Pod]?
        for await listed in await pods.updates() {
            // Deliver only news: the main loop has nothing to do otherwise.
            let desired = desiredPods(listed)
            guard desired != lastDelivered else { continue }
            lastDelivered = desired
            await deliver(PodSourceUpdate(source: name, pods: desired))
        }
    }

    /// The listed pods this kubelet should run, annotated with their source.
    func desiredPods(_ listed: [Pod]) -> [Pod] {
        listed.compactMap { pod -> Pod? in
            guard pod.metadata.annotations[ConfigAnnotation.mirror] == nil else { return nil }
            var pod = pod
            pod.metadata.annotations[ConfigAnnotation.source] = name
            return pod
        }
    }
}
