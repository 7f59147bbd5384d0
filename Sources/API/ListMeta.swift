// Stage 1 · API: the metadata of a list response (apimachinery `metav1.ListMeta`).
//
// A list carries the resourceVersion it was read at (a client starts its watch from
// there, stage 3) and, for paged lists, the token to fetch the next page.

/// Metadata of a list such as `PodList`; written by the API server, read by clients.
public struct ListMeta: Sendable, Hashable {
    /// The store's version when the list was read; where a following watch starts.
    public var resourceVersion: String
    /// The token for the next page, when the list was cut short by a limit.
    public var `continue`: String
    /// How many items the following pages hold, when known.
    public var remainingItemCount: Int64?

    public init(resourceVersion: String = "", continue: String = "", remainingItemCount: Int64? = nil) {
        self.resourceVersion = resourceVersion
        self.continue = `continue`
        self.remainingItemCount = remainingItemCount
    }
}

extension ListMeta: APIFields {
    public static let zero = ListMeta()
    public static let fields: [JSONField<ListMeta>] = [
        .omitEmpty("resourceVersion", \.resourceVersion),
        .omitEmpty("continue", \.continue),
        .pointer("remainingItemCount", \.remainingItemCount),
    ]
}
