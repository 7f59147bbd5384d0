// Stage 1 · API: which kind of object a document is (apimachinery `metav1.TypeMeta`).
//
// Every top-level object says what it is with `apiVersion` and `kind`. In Go these two
// fields are embedded inline in `Pod`, `PodList`, …; here the top-level types declare
// them directly, and `TypeMeta` on its own is what a reader decodes first to find out
// which type to decode the whole document as.

/// The `apiVersion` and `kind` of a document; decoded first by the kubelet's manifest
/// source (and, later, by the API server) to choose the type to decode as.
public struct TypeMeta: Sendable, Hashable {
    /// The group and version, such as `v1` or `apps/v1`.
    public var apiVersion: String
    /// The kind, such as `Pod`.
    public var kind: String

    /// Makes a type header; both are empty when unset, as in Go.
    public init(apiVersion: String = "", kind: String = "") {
        self.apiVersion = apiVersion
        self.kind = kind
    }
}

extension TypeMeta: APIFields {
    public static let zero = TypeMeta()
    public static let fields: [JSONField<TypeMeta>] = [
        .omitEmpty("apiVersion", \.apiVersion),
        .omitEmpty("kind", \.kind),
    ]
}
