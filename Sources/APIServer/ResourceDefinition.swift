// Stage 2 · APIServer: the resources the API server serves, described once.
//
// Everything the API server knows about a kind of object is here: its URL name
// (`pods`), its kind (`Pod`), whether it lives in a namespace, the verbs it allows, its
// short names (`po`), and where its objects are kept in storage. Discovery (`/api/v1`),
// routing, storage keys and `kubectl`'s short names are all read from this one table,
// so adding a resource in a later stage is adding an entry.

/// How the API server serves one resource.
public struct ResourceDefinition: Sendable {
    /// The plural, lower-case name in URLs: `pods`.
    public let name: String
    /// The singular name: `pod`.
    public let singularName: String
    /// The object's kind: `Pod`.
    public let kind: String
    /// The list's kind: `PodList`.
    public var listKind: String { kind + "List" }
    /// The API group: "" for the core group.
    public let group: String
    /// The API version: `v1`.
    public let version: String
    /// True when objects live in a namespace (pods, events); false for nodes and namespaces.
    public let isNamespaced: Bool
    /// What `kubectl` may do: get, list, create, update, patch, delete…
    public let verbs: [String]
    /// Abbreviations `kubectl` accepts: `po` for pods.
    public let shortNames: [String]
    /// Subresources and their verbs: `status` (get, patch, update), `log` (get).
    public let subresources: [String: [String]]

    /// `v1` or `apps/v1`, as written in `apiVersion`.
    public var groupVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// Where this resource's objects are stored: `/registry/pods/`.
    public var storagePrefix: String { "/registry/\(group.isEmpty ? "" : group + "/")\(name)/" }

    /// The storage key of one object: `/registry/pods/default/web`, `/registry/nodes/node1`.
    public func storageKey(namespace: String, name objectName: String) -> String {
        isNamespaced ? "\(storagePrefix)\(namespace)/\(objectName)" : "\(storagePrefix)\(objectName)"
    }

    /// The prefix under which a namespace's objects are stored, or all of them when nil.
    public func storagePrefix(namespace: String?) -> String {
        guard isNamespaced, let namespace, !namespace.isEmpty else { return storagePrefix }
        return "\(storagePrefix)\(namespace)/"
    }

    /// The verbs every resource of stage 2 allows.
    public static let standardVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
}

extension ResourceDefinition {
    /// Pods: the unit of work, bound to a node and run by its kubelet.
    public static let pods = ResourceDefinition(
        name: "pods", singularName: "pod", kind: "Pod", group: "", version: "v1", isNamespaced: true,
        verbs: standardVerbs, shortNames: ["po"],
        subresources: ["status": ["get", "patch", "update"], "log": ["get"]])

    /// Nodes: the machines, registered by their kubelets.
    public static let nodes = ResourceDefinition(
        name: "nodes", singularName: "node", kind: "Node", group: "", version: "v1", isNamespaced: false,
        verbs: standardVerbs, shortNames: ["no"], subresources: ["status": ["get", "patch", "update"]])

    /// Namespaces: the folders objects are named in.
    public static let namespaces = ResourceDefinition(
        name: "namespaces", singularName: "namespace", kind: "Namespace", group: "", version: "v1", isNamespaced: false,
        verbs: ["create", "delete", "get", "list", "patch", "update", "watch"], shortNames: ["ns"],
        subresources: ["status": ["get", "patch", "update"]])

    /// Events: what components did, for `kubectl describe`.
    public static let events = ResourceDefinition(
        name: "events", singularName: "event", kind: "Event", group: "", version: "v1", isNamespaced: true,
        verbs: standardVerbs, shortNames: ["ev"], subresources: [:])

    /// The core group's resources in stage 2, in discovery order.
    public static let coreV1: [ResourceDefinition] = [.pods, .nodes, .namespaces, .events]
}
