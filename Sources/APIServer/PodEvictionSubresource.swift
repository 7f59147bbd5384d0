// Stage 2 · APIServer: `pods/eviction`, the polite delete that `kubectl drain` sends.
//
// `POST /api/v1/namespaces/{ns}/pods/{name}/eviction` with a policy/v1 `Eviction`
// (protobuf from kubectl, JSON from other clients) asks for the pod to be deleted with
// the eviction's `deleteOptions`: its grace period is honoured exactly as a `kubectl
// delete --grace-period` is (`RESTStorage+Delete.swift`), and `dryRun` changes nothing.
// Kubernetes would first check the pod's PodDisruptionBudgets and answer 429 Too Many
// Requests when evicting it would break one; budgets come with stage 5, so every eviction
// is allowed here. The answer is Kubernetes': 201 Created with a `Success` Status.
//
// Discovery lists the subresource under `/api/v1` with the Eviction's own group, version
// and kind (`policy`, `v1`, `Eviction`), which is how kubectl decides to evict rather
// than delete.

import API
import APIMachinery
import ClusterKinds
import HTTP

/// `pods/{name}/eviction`: deletes the pod, honouring the eviction's delete options.
public struct PodEvictionSubresource: Subresource {
    public init() {}

    public var verbs: [String] { ["create"] }

    public var kind: SubresourceKind? { SubresourceKind(group: "policy", version: "v1", kind: "Eviction") }

    public func serve(_ request: HTTPRequest, info: RequestInfo, storage pods: RESTStorage<PodStrategy>) async throws(Status) -> HTTPResponse {
        guard info.verb == "create" else { throw Status.methodNotSupported(pods.groupResource, action: info.verb) }
        let eviction: Eviction
        if RESTStorage<PodStrategy>.mediaType(request) == ProtobufEnvelope.mediaType {
            guard let decoded = ProtobufEviction.decode(request.body) else {
                throw Status.badRequest("the request body is not a protobuf policy/v1 Eviction")
            }
            eviction = decoded
        } else {
            eviction = try RESTStorage<PodStrategy>.decodeBody(request)
        }
        guard eviction.metadata.name == info.name else {
            throw Status.badRequest("name in URL does not match name in Eviction object")
        }
        let options = eviction.deleteOptions ?? DeleteOptions()
        let dryRun = try DryRun.isRequested(by: request, options: "DeleteOptions", bodyDirectives: options.dryRun)
        _ = try await pods.delete(namespace: info.namespace, name: info.name, options: options, dryRun: dryRun)
        return try APIResponse.object(Status(status: .success, code: 201), status: .created)
    }
}
