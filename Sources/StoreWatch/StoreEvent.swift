// Stage 3 · StoreWatch: one committed write, as a watcher receives it.
//
// A watch is a stream of these. Each is one write the store has made durable, at one
// revision, and carries enough to act on without asking the store again: the new value
// for a put, and for every event the value the key held before. Kubernetes builds its
// ADDED, MODIFIED and DELETED watch events from exactly this: a put with no previous
// value is ADDED, a put over one is MODIFIED, and a delete is DELETED carrying the object
// as it last was (etcd's `Event` with `prev_kv`).

import Storage

/// A committed write to one key, as a watch delivers it. (The API server turns it into
/// the typed `WatchEvent` its clients read: ADDED, MODIFIED or DELETED.)
public struct StoreEvent: Sendable, Equatable, CustomStringConvertible {
    /// A put (create or update) or a delete, as etcd's event types.
    public enum Kind: Sendable, Equatable {
        case put
        case delete
    }

    public let kind: Kind
    /// The write's revision; a watch delivers these rising by at least one each event.
    public let revision: Int64
    public let key: String
    /// The value after a put; nil for a delete.
    public let value: StoredValue?
    /// The value before the write: nil for a create, the deleted value for a delete.
    public let previous: StoredValue?

    /// The event for a write the store committed.
    public init(_ write: CommittedWrite) {
        self.kind = write.value == nil ? .delete : .put
        self.revision = write.revision
        self.key = write.key
        self.value = write.value
        self.previous = write.previous
    }

    /// An event told by a store that keeps its own history, such as etcd's watch: a put
    /// has a `value`, a delete has none.
    public init(revision: Int64, key: String, value: StoredValue?, previous: StoredValue?) {
        self.kind = value == nil ? .delete : .put
        self.revision = revision
        self.key = key
        self.value = value
        self.previous = previous
    }

    /// True for the put that created the key (Kubernetes' ADDED).
    public var isCreate: Bool { kind == .put && previous == nil }

    /// Roughly the memory the event holds, for the history's byte limit: the key and both values.
    var approximateBytes: Int {
        key.utf8.count + (value?.value.count ?? 0) + (previous?.value.count ?? 0) + WatchLimits.eventOverheadBytes
    }

    /// A one-line summary for logs and test failures.
    public var description: String {
        "\(kind == .put ? (isCreate ? "create" : "update") : "delete") \(key) at \(revision)"
    }
}
