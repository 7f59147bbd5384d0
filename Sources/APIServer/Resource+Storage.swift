// Stage 2 · APIServer: where a resource's objects are kept in the key-value store.
//
// Kubernetes' layout (etcd's, in stage 3): `/registry/<resource>/<namespace>/<name>` for
// namespaced objects, `/registry/<resource>/<name>` for cluster-wide ones, with the group
// in front of a named group's resources. One prefix per resource (and per namespace) is
// what a list, and later a watch, reads.

import APIMachinery

extension Resource {
    /// Where this resource's objects are stored: `/registry/pods/`.
    public var storagePrefix: String { "/registry/\(group.isEmpty ? "" : group + "/")\(plural)/" }

    /// The storage key of one object: `/registry/pods/default/web`, `/registry/nodes/node1`.
    public func storageKey(namespace: String, name: String) -> String {
        isNamespaced ? "\(storagePrefix)\(namespace)/\(name)" : "\(storagePrefix)\(name)"
    }

    /// The prefix under which a namespace's objects are stored, or all of them when nil.
    public func storagePrefix(namespace: String?) -> String {
        guard isNamespaced, let namespace, !namespace.isEmpty else { return storagePrefix }
        return "\(storagePrefix)\(namespace)/"
    }

    /// The resource as Kubernetes' errors name it: `pods`, `deployments.apps`.
    var groupResource: GroupResource { GroupResource(group: group, resource: plural) }
}
