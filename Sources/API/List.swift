// Stage 1 · API: a list of objects of one kind (core/v1 `PodList`, `NodeList`, …).
//
// What `GET /pods` returns: the kubelet's read-only API (stage 1) and the API server
// (stage 2) both answer with one. Every Kubernetes list has the same four fields, so
// there is one generic type and a name per kind: `PodList` is `List<Pod>`. Stage 2
// derives the kind and API version of any other list from its item's `Resource`.

/// Objects of one kind returned together with the list's metadata; served by the
/// kubelet's and the API server's list endpoints, read by clients and `kubectl get`.
public struct List<Item: Codable & Sendable & Hashable>: Sendable, Hashable {
    /// The API version of the items' group: `v1`.
    public var apiVersion: String
    /// The item's kind followed by `List`: `PodList`.
    public var kind: String
    /// The version the list was read at, and paging.
    public var metadata: ListMeta
    public var items: [Item]

    /// Makes a list of `kind` in `apiVersion`.
    public init(apiVersion: String, kind: String, metadata: ListMeta = ListMeta(), items: [Item] = []) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.items = items
    }
}

extension List: APIFields {
    public static var zero: List { List(apiVersion: "", kind: "") }
    // A generic type cannot store a `static let`, so the table is made on each use: once a list.
    public static var fields: [JSONField<List>] {
        [
            .omitEmpty("apiVersion", \.apiVersion),
            .omitEmpty("kind", \.kind),
            .structure("metadata", \.metadata),
            // No omitempty: an empty list is `"items": []` (Go would write `null` for a nil
            // slice; the API server always sends a list, so we write `[]`).
            .always("items", \.items),
        ]
    }
}

/// Pods returned together; what the kubelet's `GET /pods` answers.
public typealias PodList = List<Pod>

extension List where Item == Pod {
    /// Makes a `PodList` in `v1`.
    public init(metadata: ListMeta = ListMeta(), items: [Pod] = []) {
        self.init(apiVersion: "v1", kind: "PodList", metadata: metadata, items: items)
    }
}
