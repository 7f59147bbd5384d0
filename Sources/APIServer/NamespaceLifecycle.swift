// Stage 2 · APIServer: what may happen in a namespace, given where it is in its life.
//
// Kubernetes checks this in an admission plugin (`NamespaceLifecycle`), after a request
// is understood and before anything is stored:
//
//   create in a namespace that does not exist      404  namespaces "x" not found
//   create in a namespace that is Terminating      403  pods "web" is forbidden: unable to
//                                                       create new content in namespace x
//                                                       because it is being terminated
//   delete of default, kube-system, kube-public    403  namespaces "default" is forbidden:
//                                                       this namespace may not be deleted
//
// Everything else passes: deletes and updates of what is inside a terminating namespace
// go ahead, since they are how it empties.

import API
import APIMachinery
import ClusterKinds
import Foundation
import HTTP
import Storage

/// The namespace checks made on every request before it is served; called by `APIRouter`.
struct NamespaceLifecycle: Sendable {
    /// Namespaces the cluster needs, which may never be deleted (Kubernetes' immortal namespaces).
    static let immortalNamespaces: Set<String> = ["default", "kube-system", "kube-public"]
    /// The cause Kubernetes adds to the 403 of a create in a terminating namespace.
    static let terminatingCause = "NamespaceTerminating"

    let store: any KeyValueStore

    /// Throws the refusal of `request` (about `resource`), if the namespace's state refuses it.
    func admit(_ request: HTTPRequest, info: RequestInfo, resource: Resource) async throws(Status) {
        if resource == Namespace.resource {
            if info.verb == "delete", info.subresource.isEmpty, Self.immortalNamespaces.contains(info.name) {
                throw Status.forbidden(resource.groupResource, name: info.name, "this namespace may not be deleted")
            }
            return
        }
        guard resource.isNamespaced, info.verb == "create", !info.namespace.isEmpty else { return }
        let namespace = try await RESTStorage<NamespaceStrategy>(store: store).get(namespace: "", name: info.namespace)
        guard namespace.status.phase == .terminating else { return }
        throw Status.forbidden(
            resource.groupResource, name: Self.objectName(request, info: info),
            "unable to create new content in namespace \(info.namespace) because it is being terminated",
            causes: [StatusCause(reason: Self.terminatingCause, message: "namespace \(info.namespace) is being terminated",
                                 field: "metadata.namespace")])
    }

    /// The name a refusal names: the URL's (a subresource's parent), else the body's name or
    /// generateName, else `Unknown`, as Kubernetes' admission errors do.
    static func objectName(_ request: HTTPRequest, info: RequestInfo) -> String {
        if !info.name.isEmpty { return info.name }
        let metadata = (try? RESTStorage<NamespaceStrategy>.decodeBody(request) as PartialObjectMetadata)?.metadata
        if let name = metadata?.name, !name.isEmpty { return name }
        if let name = metadata?.generateName, !name.isEmpty { return name }
        return "Unknown"
    }
}
