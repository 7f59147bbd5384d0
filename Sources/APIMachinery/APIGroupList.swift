// Stage 2 · APIMachinery: the named API groups a server offers (meta/v1 `APIGroupList`).
//
// kubectl's second discovery question is `GET /apis`: which groups besides the core
// one (`apps`, `batch`, …) exist, at which versions. Until stage 5 adds `apps`, the
// list is empty, and `"groups": []` is still written.

/// The answer to `GET /apis`; served by the API server, read by kubectl's discovery.
public struct APIGroupList: Sendable, Hashable, Codable {
    /// The API version; `v1`.
    public var apiVersion: String
    /// The kind; `APIGroupList`.
    public var kind: String
    /// The groups. Always written.
    public var groups: [APIGroup]

    /// Makes a group list; `apiVersion` and `kind` default to `v1` and `APIGroupList`.
    public init(apiVersion: String = "v1", kind: String = "APIGroupList", groups: [APIGroup] = []) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.groups = groups
    }

    private enum CodingKeys: String, CodingKey { case apiVersion, kind, groups }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try c.decode(.apiVersion, or: "")
        kind = try c.decode(.kind, or: "")
        groups = try c.decode(.groups, or: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(apiVersion, forKey: .apiVersion)
        try c.encodeUnlessEmpty(kind, forKey: .kind)
        try c.encode(groups, forKey: .groups)
    }
}
