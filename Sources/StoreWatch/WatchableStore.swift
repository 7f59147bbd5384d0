// Stage 3 · StoreWatch: a store that remembers its recent past, and streams it to watchers.
//
// Stage 2's API server answered "what changed?" by being asked again and again (its
// watch polls). Stage 3 answers it the way etcd does: every committed write becomes an
// event at its revision, kept for a while, and anyone may `watch` a prefix from a
// revision and receive every later event under it, in order, as it happens. Kubernetes
// is built on this: the API server watches etcd, every component watches the API server,
// and nobody calls anybody.
//
// `WatchableStore` (etcd calls its own the watchable store) wraps a stage-2 store that
// reports its commits (`CommitObservable`): writes and reads pass straight through, and
// the store's observer feeds a `WatchHub`, which keeps the `EventHistory` and the
// watchers. Nothing is slowed by a watcher: delivery only queues, and a watcher that lets
// its queue fill up is cut off (see `WatchHub`).
//
// The history lives in memory only. After a restart the store continues from its last
// acknowledged revision (stage 2's `DurableStore` guarantees that), but the events before
// the restart are gone, so a watch from an earlier revision is refused as compacted, with
// the restart's revision, rather than resumed with a silent gap. That is honest, and it is
// what a Kubernetes client handles already: it re-lists and watches from the list.

import Storage
import struct Foundation.Data

/// A `KeyValueStore` with etcd's watch, compaction and reads at past revisions.
public final class WatchableStore: WatchableKeyValueStore {
    /// The store that holds the data; every write and current read goes to it.
    let base: any CommitObservable
    let hub: WatchHub

    /// Wraps `base`, whose history starts (empty) at its current revision.
    ///
    /// `base` reports to this store from now on, replacing any earlier observer of it, so
    /// a store is wrapped once, by the component that owns it (the API server).
    public init(_ base: any CommitObservable, limits: WatchLimits = .standard) async {
        let hub = WatchHub(limits: limits)
        // Inside the store's isolation: no write can land between these two lines.
        await base.observeCommits { revision in
            hub.start(after: revision)
            return { hub.record($0) }
        }
        self.base = base
        self.hub = hub
    }

    // MARK: Watching

    /// Every event under `prefix` after `revision`, in revision order, each exactly once.
    ///
    /// The stream first replays what the history holds after `revision`, then follows new
    /// writes. It ends with `HistoryError.compacted` at once if events after `revision` are
    /// no longer kept, and with `HistoryError.fellBehind` if its reader lets too many queue.
    /// It runs until then, or until its reader stops iterating. Each stream has one reader.
    public func watch(prefix: String, after revision: Int64) -> AsyncThrowingStream<StoreEvent, any Error> {
        hub.watch(prefix: prefix, after: revision)
    }

    /// `watch(prefix:after:)` with the store's progress in the stream (`StoreWatchItem`).
    public func watchWithProgress(prefix: String, after revision: Int64) -> AsyncThrowingStream<StoreWatchItem, any Error> {
        hub.watchWithProgress(prefix: prefix, after: revision)
    }

    /// Tells every `watchWithProgress` stream the store's revision, after its events up to it.
    public func requestProgress() async {
        hub.requestProgress()
    }

    /// Forgets the events up to and including `revision`: watches and reads from before it
    /// are refused from now on. The API server compacts the past it no longer needs, as
    /// Kubernetes compacts etcd every five minutes.
    public func compact(through revision: Int64) {
        hub.compact(through: revision)
    }

    /// The revision the history starts after: the oldest a watch or past read may name.
    public var compactRevision: Int64 {
        hub.compactRevision
    }

    /// How many watches are live, for tests and metrics.
    public var watcherCount: Int { hub.watcherCount }

    // MARK: KeyValueStore, passed through

    /// See `KeyValueStore.get`.
    public func get(_ key: String) async throws(StorageError) -> StoredValue? {
        try await base.get(key)
    }

    /// See `KeyValueStore.list(prefix:)`.
    public func list(prefix: String) async throws(StorageError) -> (items: [StoredValue], revision: Int64) {
        try await base.list(prefix: prefix)
    }

    /// See `KeyValueStore.create(_:value:)`.
    public func create(_ key: String, value: Data) async throws(StorageError) -> Int64 {
        try await base.create(key, value: value)
    }

    /// See `KeyValueStore.update(_:value:expectedModRevision:)`.
    public func update(_ key: String, value: Data, expectedModRevision: Int64?) async throws(StorageError) -> Int64 {
        try await base.update(key, value: value, expectedModRevision: expectedModRevision)
    }

    /// See `KeyValueStore.delete(_:expectedModRevision:)`.
    public func delete(_ key: String, expectedModRevision: Int64?) async throws(StorageError) -> (deleted: StoredValue, revision: Int64) {
        try await base.delete(key, expectedModRevision: expectedModRevision)
    }

    /// See `KeyValueStore.currentRevision`.
    public var currentRevision: Int64 {
        get async { await base.currentRevision }
    }
}

