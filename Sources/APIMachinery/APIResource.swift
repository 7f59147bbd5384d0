// Stage 2 · APIMachinery: one resource as discovery describes it (meta/v1 `APIResource`).
//
// `{"name": "pods", "singularName": "pod", "namespaced": true, "kind": "Pod",
//   "verbs": ["create", "delete", …], "shortNames": ["po"], "categories": ["all"]}`.
// Subresources appear as their own entries, named `pods/status`, `pods/log`.
// `name`, `singularName`, `namespaced`, `kind` and `verbs` are always written.

import API

/// A resource's names, scope, kind and verbs; listed by the API server in an
/// `APIResourceList`, read by kubectl to map `po` to pods and pods to a URL.
public struct APIResource: Sendable, Hashable {
    /// The plural name used in URLs, such as `pods` or `pods/status`.
    public var name: String
    /// The singular name, such as `pod`; kubectl accepts it too.
    public var singularName: String
    /// True when objects of this resource live in namespaces.
    public var namespaced: Bool
    /// The group, when it differs from the list's (for some subresources).
    public var group: String
    /// The version, when it differs from the list's.
    public var version: String
    /// The kind of the objects, such as `Pod`.
    public var kind: String
    /// What can be done: `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`, …
    public var verbs: [String]
    /// Abbreviations kubectl accepts, such as `po`.
    public var shortNames: [String]
    /// Groups of resources this one belongs to; `all` makes `kubectl get all` include it.
    public var categories: [String]
    /// An opaque hash of the storage version, for storage migration tools.
    public var storageVersionHash: String

    public init(
        name: String = "", singularName: String = "", namespaced: Bool = false, group: String = "",
        version: String = "", kind: String = "", verbs: [String] = [], shortNames: [String] = [],
        categories: [String] = [], storageVersionHash: String = ""
    ) {
        self.name = name
        self.singularName = singularName
        self.namespaced = namespaced
        self.group = group
        self.version = version
        self.kind = kind
        self.verbs = verbs
        self.shortNames = shortNames
        self.categories = categories
        self.storageVersionHash = storageVersionHash
    }
}

extension APIResource: APIFields {
    public static let zero = APIResource()
    public static let fields: [JSONField<APIResource>] = [
        .always("name", \.name),
        .always("singularName", \.singularName),
        .always("namespaced", \.namespaced),
        .omitEmpty("group", \.group),
        .omitEmpty("version", \.version),
        .always("kind", \.kind),
        .always("verbs", \.verbs),
        .omitEmpty("shortNames", \.shortNames),
        .omitEmpty("categories", \.categories),
        .omitEmpty("storageVersionHash", \.storageVersionHash),
    ]
}
