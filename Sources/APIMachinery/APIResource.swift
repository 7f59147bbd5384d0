// Stage 2 · APIMachinery: one resource as discovery describes it (meta/v1 `APIResource`).
//
// `{"name": "pods", "singularName": "pod", "namespaced": true, "kind": "Pod",
//   "verbs": ["create", "delete", …], "shortNames": ["po"], "categories": ["all"]}`.
// Subresources appear as their own entries, named `pods/status`, `pods/log`.
// `name`, `singularName`, `namespaced`, `kind` and `verbs` are always written.

/// A resource's names, scope, kind and verbs; listed by the API server in an
/// `APIResourceList`, read by kubectl to map `po` to pods and pods to a URL.
public struct APIResource: Sendable, Hashable, Codable {
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

    /// Makes a resource description.
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

    private enum CodingKeys: String, CodingKey {
        case name, singularName, namespaced, group, version, kind, verbs, shortNames, categories, storageVersionHash
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(.name, or: "")
        singularName = try c.decode(.singularName, or: "")
        namespaced = try c.decode(.namespaced, or: false)
        group = try c.decode(.group, or: "")
        version = try c.decode(.version, or: "")
        kind = try c.decode(.kind, or: "")
        verbs = try c.decode(.verbs, or: [])
        shortNames = try c.decode(.shortNames, or: [])
        categories = try c.decode(.categories, or: [])
        storageVersionHash = try c.decode(.storageVersionHash, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(singularName, forKey: .singularName)
        try c.encode(namespaced, forKey: .namespaced)
        try c.encodeUnlessEmpty(group, forKey: .group)
        try c.encodeUnlessEmpty(version, forKey: .version)
        try c.encode(kind, forKey: .kind)
        try c.encode(verbs, forKey: .verbs)
        try c.encodeUnlessEmpty(shortNames, forKey: .shortNames)
        try c.encodeUnlessEmpty(categories, forKey: .categories)
        try c.encodeUnlessEmpty(storageVersionHash, forKey: .storageVersionHash)
    }
}
