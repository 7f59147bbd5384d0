// Stage 2 · Storage: one write to the keyspace, as the log records it and the index applies it.
//
// A store handles a write in two steps. First `KeyIndex` checks the request against the
// current state and answers with a `Change` (or an error), changing nothing. Then the
// store makes the change durable (`DurableStore` appends it to its log and fsyncs; the
// `MemoryStore` has nothing to do) and only then applies it to the index. So a write that
// fails on disk never shows up in memory. Stage 3 turns changes into watch events.

// Stage 3 > a batched write carries its value
import struct Foundation.Data
// Stage 3 <

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

// Stage 3 > group commit: a write as a batch carries it, checked against the writes before it in the batch
/// One create, update or delete, as stage 3's group commit hands a batch of them to
/// `DurableStore.commit(batch:)`.
package enum BatchedWrite: Sendable {
    case create(key: String, value: Data)
    case update(key: String, value: Data, expectedModRevision: Int64?)
    case delete(key: String, expectedModRevision: Int64?)

    /// What a committed write answers its caller: its revision, and for a delete the value removed.
    package struct Outcome: Sendable, Equatable {
        package let revision: Int64
        package let deleted: StoredValue?
    }

    package var key: String {
        switch self {
        case .create(let key, _), .update(let key, _, _), .delete(let key, _): key
        }
    }

    /// The change this write makes where its key holds `current` and the store is at
    /// `revision`, or why it cannot be made.
    ///
    /// `KeyIndex`'s rules look at nothing but the key's value and the revision, so a one-key
    /// index holding exactly those answers as the whole keyspace would. That lets a batch
    /// check each write against the state the writes before it leave, before any is applied.
    func change(current: StoredValue?, revision: Int64) throws(StorageError) -> (change: Change, deleted: StoredValue?) {
        var view = KeyIndex()
        if let current { view.apply(.put(current)) }
        view.restoreRevision(revision)
        switch self {
        case .create(let key, let value):
            return (try view.changeCreating(key, value: value), nil)
        case .update(let key, let value, let expected):
            return (try view.changeUpdating(key, value: value, expectedModRevision: expected), nil)
        case .delete(let key, let expected):
            let (change, deleted) = try view.changeDeleting(key, expectedModRevision: expected)
            return (change, deleted)
        }
    }
}
// Stage 3 <
