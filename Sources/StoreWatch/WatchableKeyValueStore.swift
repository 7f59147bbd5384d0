// Stage 3 · StoreWatch: what the API server needs of a store that remembers, whoever keeps it.
//
// Stage 3 has two such stores: the embedded `WatchableStore`, which wraps stage 2's
// durable store and keeps its recent past in memory, and a real etcd, reached over its
// JSON gateway. Kubernetes' API server does not care which it talks to, as long as the
// store can do four things beyond stage 2's reads and writes: stream every change under
// a prefix after a revision, read the keyspace as it was at a past revision, forget the
// past on request, and say how far back it still remembers. This protocol is that
// contract; the watch cache and the compactor are written against it, and the same
// contract tests run against both stores.

import Storage

/// A `KeyValueStore` with etcd's watch, reads at past revisions, and compaction.
public protocol WatchableKeyValueStore: KeyValueStore {
    /// Every event under `prefix` after `revision`, in revision order, each exactly once.
    ///
    /// The stream ends with `HistoryError.compacted` when events after `revision` are no
    /// longer kept, and with `HistoryError.fellBehind` when its reader lets too many queue;
    /// otherwise it runs until its reader stops iterating.
    func watch(prefix: String, after revision: Int64) -> AsyncThrowingStream<StoreEvent, any Error>

    /// The values under `prefix` as they were at `revision`, in key order.
    func list(prefix: String, atRevision revision: Int64) async throws(HistoryError) -> [StoredValue]

    /// The value at `key` as it was at `revision`, or nil if the key did not exist then.
    func get(_ key: String, atRevision revision: Int64) async throws(HistoryError) -> StoredValue?

    /// Forgets the past up to and including `revision`.
    func compact(through revision: Int64) async throws(HistoryError)

    /// The revision the remembered past starts after: the oldest a watch or read may name.
    var compactRevision: Int64 { get async }

    /// `watch(prefix:after:)` with the store's progress in the same stream: after
    /// `requestProgress()`, each such watch is given `.progress(R)`, R being the revision
    /// the store has reached, once every event up to R has been given. The watch cache
    /// advances its bookmarks with it. (Has a default: events only.)
    func watchWithProgress(prefix: String, after revision: Int64) -> AsyncThrowingStream<StoreWatchItem, any Error>

    /// Asks the store to tell every `watchWithProgress` stream its progress, as etcd's
    /// `progress_request` does (async: etcd is asked over the network). (Has a default:
    /// does nothing.)
    func requestProgress() async
}
