// Stage 2 · ClusterKinds: a list of events (core/v1 `EventList`).
//
// What `GET /api/v1/namespaces/{ns}/events` and `GET /api/v1/events` return.

import API

/// Events returned together with the list's metadata; served by the API server, read by
/// `kubectl get events` and `kubectl describe`.
public struct EventList: Sendable, Hashable, Codable {
    /// The API version; `v1`.
    public var apiVersion: String
    /// The kind; `EventList`.
    public var kind: String
    /// The version the list was read at, and paging.
    public var metadata: ListMeta
    /// The events.
    public var items: [Event]

    /// Makes a list; `apiVersion` and `kind` default to `v1` and `EventList`.
    public init(
        apiVersion: String = "v1", kind: String = "EventList", metadata: ListMeta = ListMeta(), items: [Event] = []
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
        // No omitempty: an empty list is `"items": []`, as for `PodList`.
        try c.encode(items, forKey: .items)
    }
}
