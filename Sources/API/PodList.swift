// Stage 1 · API: a list of pods (core/v1 `PodList`).
//
// What `GET /pods` returns: the kubelet's read-only API (stage 1) and the API server
// (stage 2) both answer with one.

/// Pods returned together with the list's metadata; served by the kubelet's and the
/// API server's list endpoints, read by clients and `kubectl get pods`.
public struct PodList: Sendable, Hashable, Codable {
    /// The API version; `v1`.
    public var apiVersion: String
    /// The kind; `PodList`.
    public var kind: String
    /// The version the list was read at, and paging.
    public var metadata: ListMeta
    /// The pods.
    public var items: [Pod]

    /// Makes a list; `apiVersion` and `kind` default to `v1` and `PodList`.
    public init(
        apiVersion: String = "v1", kind: String = "PodList", metadata: ListMeta = ListMeta(), items: [Pod] = []
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.items = items
    }

    private enum CodingKeys: String, CodingKey { case apiVersion, kind, metadata, items }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try c.decode(.apiVersion, or: "")
        kind = try c.decode(.kind, or: "")
        metadata = try c.decode(.metadata, or: ListMeta())
        items = try c.decode(.items, or: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(apiVersion, forKey: .apiVersion)
        try c.encodeUnlessEmpty(kind, forKey: .kind)
        try c.encode(metadata, forKey: .metadata)
        // `items` has no omitempty: an empty list is `"items": []` (Go would write `null`
        // for a nil slice; the API server always sends a list, so we write `[]`).
        try c.encode(items, forKey: .items)
    }
}
