// Stage 2 · APIMachinery: the resources of one group version (meta/v1 `APIResourceList`).
//
// kubectl's third discovery question, `GET /api/v1`: which resources exist (`pods`,
// `nodes`, …), whether each is namespaced, its kind, verbs and short names. This is how
// `kubectl get po` knows that `po` means pods, and that pods live in namespaces.

/// The answer to `GET /api/v1` (and `/apis/<group>/<version>`); served by the API
/// server, read by kubectl's discovery and REST mapper.
public struct APIResourceList: Sendable, Hashable, Codable {
    /// The API version; `v1`.
    public var apiVersion: String
    /// The kind; `APIResourceList`.
    public var kind: String
    /// The group version described, such as `v1` or `apps/v1`. Always written.
    public var groupVersion: String
    /// The resources. Always written.
    public var resources: [APIResource]

    /// Makes a resource list; `apiVersion` and `kind` default to `v1` and `APIResourceList`.
    public init(
        apiVersion: String = "v1", kind: String = "APIResourceList", groupVersion: String = "",
        resources: [APIResource] = []
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.groupVersion = groupVersion
        self.resources = resources
    }

    private enum CodingKeys: String, CodingKey { case apiVersion, kind, groupVersion, resources }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try c.decode(.apiVersion, or: "")
        kind = try c.decode(.kind, or: "")
        groupVersion = try c.decode(.groupVersion, or: "")
        resources = try c.decode(.resources, or: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(apiVersion, forKey: .apiVersion)
        try c.encodeUnlessEmpty(kind, forKey: .kind)
        try c.encode(groupVersion, forKey: .groupVersion)
        try c.encode(resources, forKey: .resources)
    }
}
