// Stage 2 · APIMachinery: an object reduced to its metadata (meta/v1 `PartialObjectMetadata`).
//
// What a `Table` row carries by default (`includeObject=Metadata`): enough for kubectl
// to show labels (`--show-labels`) and namespaces without the whole object. Its
// apiVersion is that of the meta group, whatever the object's own.

import API

/// Any object's kind-independent part; put into table rows by the API server.
public struct PartialObjectMetadata: Sendable, Hashable, Codable {
    /// The API version; `meta.k8s.io/v1`.
    public var apiVersion: String
    /// The kind; `PartialObjectMetadata`.
    public var kind: String
    /// The object's metadata.
    public var metadata: ObjectMeta

    /// Makes partial metadata; `apiVersion` and `kind` default to `meta.k8s.io/v1` and
    /// `PartialObjectMetadata`.
    public init(
        apiVersion: String = Table.defaultAPIVersion, kind: String = "PartialObjectMetadata",
        metadata: ObjectMeta = ObjectMeta()
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
    }

    private enum CodingKeys: String, CodingKey { case apiVersion, kind, metadata }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try c.decode(.apiVersion, or: "")
        kind = try c.decode(.kind, or: "")
        metadata = try c.decode(.metadata, or: ObjectMeta())
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(apiVersion, forKey: .apiVersion)
        try c.encodeUnlessEmpty(kind, forKey: .kind)
        try c.encode(metadata, forKey: .metadata)
    }
}
