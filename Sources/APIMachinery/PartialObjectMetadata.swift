// Stage 2 · APIMachinery: an object reduced to its metadata (meta/v1 `PartialObjectMetadata`).
//
// What a `Table` row carries by default (`includeObject=Metadata`): enough for kubectl
// to show labels (`--show-labels`) and namespaces without the whole object. Its
// apiVersion is that of the meta group, whatever the object's own.

import API

/// Any object's kind-independent part; put into table rows by the API server.
public struct PartialObjectMetadata: Sendable, Hashable {
    /// The API version; `meta.k8s.io/v1`.
    public var apiVersion: String
    public var kind: String
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
}

extension PartialObjectMetadata: APIFields {
    public static let zero = PartialObjectMetadata(apiVersion: "", kind: "")
    public static let fields: [JSONField<PartialObjectMetadata>] = [
        .omitEmpty("apiVersion", \.apiVersion),
        .omitEmpty("kind", \.kind),
        .structure("metadata", \.metadata),
    ]
}
