// Stage 2 · Storage: one write to the keyspace, as the log records it and the index applies it.
//
// A store handles a write in two steps. First `KeyIndex` checks the request against the
// current state and answers with a `Change` (or an error), changing nothing. Then the
// store makes the change durable (`DurableStore` appends it to its log and fsyncs; the
// `MemoryStore` has nothing to do) and only then applies it to the index. So a write that
// fails on disk never shows up in memory. Stage 3 turns changes into watch events.

/// A validated write: a key set to a value, or a key removed, at one revision.
enum Change: Sendable, Equatable {
    /// The key now holds `value` (a create or an update); `value.modRevision` is the write's revision.
    case put(StoredValue)
    /// The key is gone as of `revision`.
    case delete(key: String, revision: Int64)

    /// The revision this change was made at: one more than the store's revision before it.
    var revision: Int64 {
        switch self {
        case .put(let value): value.modRevision
        case .delete(_, let revision): revision
        }
    }
}
