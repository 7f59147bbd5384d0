// Stage 2 · APIServer: `pods/exec`, `pods/attach`, `pods/portforward`: served, not built yet.
//
// `kubectl exec`, `attach`, `cp` (exec running `tar`) and `port-forward` ask the API server
// to upgrade their connection to a stream, which the API server passes on to the kubelet
// running the pod. This series' kubelet has no streaming server yet: a later issue builds
// it. Until then these subresources exist (discovery lists them, as Kubernetes does) and
// answer every request for a pod that exists with a Status that says so, rather than a
// 404 that would read like a missing pod:
//
//   Error from server: pods/exec is not built yet in this series: kubectl exec, attach, cp and port-forward …
//
// The code is 501 Not Implemented and the reason is empty: Kubernetes has no reason for
// "not built", and the 4xx reasons would each blame the client for something it did
// not do. kubectl prints a Status it cannot upgrade with as it prints any other error.

import API
import APIMachinery
import HTTP

/// A subresource that this series has not built yet; registered by the composition root.
public struct NotBuiltSubresource<Strategy: RESTStrategy>: Subresource {
    /// The subresource's name, as in `pods/exec`.
    let name: String

    public init(_ name: String) { self.name = name }

    /// The options kind each is requested with, as Kubernetes' discovery names it.
    static var kinds: [String: String] { ["exec": "PodExecOptions", "attach": "PodAttachOptions", "portforward": "PodPortForwardOptions"] }

    public var kind: SubresourceKind? { Self.kinds[name].map { SubresourceKind(group: "", version: "", kind: $0) } }

    /// As Kubernetes lists them: a SPDY stream starts with a POST, a WebSocket with a GET.
    public var verbs: [String] { ["create", "get"] }

    public func serve(_ request: HTTPRequest, info: RequestInfo, storage: RESTStorage<Strategy>) async throws(Status) -> HTTPResponse {
        _ = try await storage.get(namespace: info.namespace, name: info.name)
        throw Status.notImplemented(
            "\(storage.resource.plural)/\(name) is not built yet in this series: kubectl exec, attach, cp and port-forward "
                + "need the kubelet's streaming server, which a later issue adds")
    }
}
