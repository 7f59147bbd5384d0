// Stage 2 · APIMachinery: a kind of object and the resource it is served as, described once.
//
// Kubernetes names every kind twice: as a *kind* (`Pod`, what a document says it is) and
// as a *resource* (`pods`, the collection in URLs). The pair lives in a group and a
// version, and the resource is namespaced or cluster-wide:
//
//     group ""     version v1   kind Pod         resource pods         namespaced   po
//     group ""     version v1   kind Node        resource nodes        cluster      no
//     group apps   version v1   kind Deployment  resource deployments  namespaced   deploy (stage 5)
//
// Each kind says this once, in its `APIObject` conformance. The client builds its URLs
// from it (`Resource+Path.swift`), the API server its routes, storage keys and discovery
// documents (`ResourceRegistration`), so the client and the server cannot disagree.

/// Where a kind of object lives in the API and how `kubectl` may call it; read by the
/// client, the API server and discovery alike.
public struct Resource: Sendable, Hashable, CustomStringConvertible {
    /// Whether objects are named inside a namespace or in the whole cluster.
    public enum Scope: Sendable, Hashable {
        case namespaced
        case cluster
    }

    /// The API group; "" for the core group, served under `/api`.
    public var group: String
    /// The version, such as `v1`.
    public var version: String
    /// The kind, written in `kind:`: `Pod`.
    public var kind: String
    /// The plural, lower-case name in URLs: `pods`.
    public var plural: String
    /// The singular name (`kubectl get pod`): `pod`.
    public var singular: String
    public var scope: Scope
    /// Abbreviations `kubectl` accepts: `po` for pods.
    public var shortNames: [String]
    /// The groups `kubectl get <category>` expands: pods are in `all`.
    public var categories: [String]

    /// Describes a kind; the singular name defaults to the kind in lower case.
    public init(
        group: String = "", version: String = "v1", kind: String, plural: String, singular: String? = nil,
        scope: Scope, shortNames: [String] = [], categories: [String] = []
    ) {
        self.group = group
        self.version = version
        self.kind = kind
        self.plural = plural
        self.singular = singular ?? kind.lowercased()
        self.scope = scope
        self.shortNames = shortNames
        self.categories = categories
    }

    public var isNamespaced: Bool { scope == .namespaced }

    /// `v1` or `apps/v1`, as written in `apiVersion`.
    public var groupVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// The kind of a list of these: `PodList`.
    public var listKind: String { kind + "List" }

    /// `pods`, or `deployments.apps` for a named group, as Kubernetes' messages write it.
    public var description: String { group.isEmpty ? plural : "\(plural).\(group)" }
}
