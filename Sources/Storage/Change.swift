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

// Stage 3 > a committed write as the store reports it to its observer: what stage 3's watch is built from
extension Change {
    /// The key this change writes or removes.
    var key: String {
        switch self {
        case .put(let value): value.key
        case .delete(let key, _): key
        }
    }
}

/// One write the store has made durable and applied, as it tells its observer.
///
/// A watcher needs more than the new value: Kubernetes shows a deleted object as it last
/// was, and tells a create from an update by whether the key held a value before. So the
/// store hands over the value the write replaced as well (etcd's `prev_kv`).
public struct CommittedWrite: Sendable, Equatable {
    /// The write's revision: exactly one more than the previous committed write's.
    public let revision: Int64
    public let key: String
    /// What the key holds after the write; nil when the write deleted it.
    public let value: StoredValue?
    /// What the key held before the write; nil when the write created it.
    public let previous: StoredValue?

    init(_ change: Change, replacing previous: StoredValue?) {
        self.revision = change.revision
        self.key = change.key
        if case .put(let value) = change { self.value = value } else { self.value = nil }
        self.previous = previous
    }
}

/// Called by a store, inside its own isolation and in revision order, with each write it
/// has committed. It must return quickly and must not call back into the store: it runs
/// on the store's write path.
public typealias CommitObserver = @Sendable (CommittedWrite) -> Void
// Stage 3 <
