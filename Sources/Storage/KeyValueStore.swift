// Stage 2 · Storage: the contract every store keeps, modelled on etcd's KV API.
//
// In Kubernetes only the API server touches storage. Underneath its object registry sits
// etcd, whose model this protocol copies: a flat keyspace of keys ordered byte by byte,
// where every successful write bumps one global *revision*. Each key remembers the
// revision that created it (`createRevision`), the one that last changed it
// (`modRevision`) and how many times it changed since creation (`version`). Kubernetes
// keeps objects at keys such as `/registry/pods/<namespace>/<name>` and shows an object's
// `modRevision` to clients as its `resourceVersion`; an update that names a stale
// `resourceVersion` is refused with a conflict, which is optimistic concurrency.
//
// The API server (stage 2) is the only caller. Two stores keep this contract:
// `DurableStore`, on disk, and `MemoryStore`, for tests of other components. Stage 3 adds
// watch, and an etcd client behind the same protocol. Like etcd, a fresh store is at
// revision 1, so the first write gets revision 2 and no key ever has revision 0 (which
// Kubernetes reserves to mean "any version").

import struct Foundation.Data

/// The key-value store beneath the API server: an ordered keyspace with etcd's revisions.
///
/// Implementations serialise writes: each write gets the next revision, exactly one higher
/// than the last. All failures are `StorageError`s, so the API server can map each to a
/// Kubernetes `Status` exhaustively.
public protocol KeyValueStore: Sendable {
    /// The value at `key` with its revisions, or nil when the key does not exist.
    func get(_ key: String) async throws(StorageError) -> StoredValue?

    /// Every value whose key starts with `prefix`, ordered by key byte by byte, and the
    /// store's revision at the moment of the read (Kubernetes' list `resourceVersion`).
    func list(prefix: String) async throws(StorageError) -> (items: [StoredValue], revision: Int64)

    /// Stores `value` at a key that must not exist yet; returns the write's revision.
    ///
    /// Throws `.alreadyExists` when the key is present (etcd: `If(ModRevision(key) == 0)`).
    func create(_ key: String, value: Data) async throws(StorageError) -> Int64

    /// Replaces the value at an existing key; returns the write's revision.
    ///
    /// With `expectedModRevision`, the write happens only if the key's `modRevision` still
    /// equals it, and otherwise throws `.conflict` carrying the current value. With nil the
    /// write is unconditional. Throws `.notFound` when the key does not exist.
    func update(_ key: String, value: Data, expectedModRevision: Int64?) async throws(StorageError) -> Int64

    /// Removes an existing key; returns the value it last held and the delete's revision.
    ///
    /// `expectedModRevision` works as in `update`. Throws `.notFound` when the key is absent.
    func delete(_ key: String, expectedModRevision: Int64?) async throws(StorageError) -> (deleted: StoredValue, revision: Int64)

    /// The revision of the most recent write (1 for a store that was never written).
    var currentRevision: Int64 { get async }
}

// Stage 3 > stores that report every commit: the extension point stage 3's watch is built on
/// A store that can tell one observer of every write it commits.
///
/// Stage 3's watchable store is that observer: it turns each committed write into a watch
/// event. Learning the store's revision and installing the observer happen in one step,
/// inside the store, so no write can fall between them unseen.
public protocol CommitObservable: KeyValueStore {
    /// Calls `makeObserver` with the store's current revision and installs what it returns
    /// (replacing any earlier observer); from then on the store calls it with every
    /// committed write, the first at that revision plus one.
    func observeCommits(_ makeObserver: @Sendable (Int64) -> CommitObserver) async
}
// Stage 3 <
