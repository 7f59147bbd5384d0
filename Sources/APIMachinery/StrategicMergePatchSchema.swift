// Stage 2 · APIMachinery: which lists of an object merge, and by what key (a strategic merge
// patch's schema).
//
// In Kubernetes the Go struct tags carry this: `Containers []Container
// json:"containers" patchStrategy:"merge" patchMergeKey:"name"` says that a patch
// listing one container changes that container and keeps the others. Swift has no
// struct tags, so each kind has a small table here instead, keyed by field path:
// `spec.containers` is the pod's container list, `spec.containers[].env` the env list
// of each of its elements. A field that is not in the table follows the default rules:
// objects merge, lists are replaced whole.

/// How one field of an object takes a strategic merge patch (Kubernetes'
/// `patchStrategy` and `patchMergeKey` tags).
public enum PatchStrategy: Sendable, Hashable {
    /// A list of objects, merged element by element; elements match when their `key`
    /// field is equal (`patchStrategy:"merge" patchMergeKey:"name"`).
    case mergeByKey(String)
    /// A list of strings or numbers, merged as a set: the patch's values are added
    /// (`patchStrategy:"merge"` on a list of primitives, such as `finalizers`).
    case mergeAsSet
    /// Replaced whole by the patch, even an object (`patchStrategy:"replace"`, or a list
    /// marked `+listType=atomic`). Lists without an entry are replaced anyway; the entry
    /// makes the choice visible.
    case replace
}

/// The patch strategies of one kind's fields; `StrategicMergePatch.apply` looks fields
/// up here as it walks the object. The API server picks the schema by kind.
public struct PatchSchema: Sendable, Hashable {
    /// Strategies by field path: field names joined by `.`, `[]` after a list's name
    /// for its elements (`spec.containers[].ports`).
    public var strategies: [String: PatchStrategy]

    /// Makes a schema from a table of field paths.
    public init(_ strategies: [String: PatchStrategy]) {
        self.strategies = strategies
    }

    /// The strategy for the field at `path`; nil means the default rules.
    public func strategy(at path: String) -> PatchStrategy? {
        strategies[path]
    }

    /// A schema with no entries: objects merge and every list is replaced, which is how
    /// Kubernetes treats kinds it knows no struct for.
    public static let plain = PatchSchema([:])

    /// The path of field `name` inside the object at `path`.
    static func path(_ path: String, child name: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }

    /// The path of the elements of the list at `path`.
    package static func elements(of path: String) -> String {
        "\(path)[]"
    }
}
