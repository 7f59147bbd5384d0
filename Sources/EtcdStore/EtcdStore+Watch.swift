// Stage 3 · EtcdStore: the store's watch, from etcd's watch stream, across member failures.
//
// `watch(prefix:after:)` is etcd's `/v3/watch` on the prefix, with `prev_kv`, read one
// message at a time by an `EtcdWatchReader` as the stream's reader asks for events.
// Three details carry the contract:
//
//   - Where it starts. The contract's history "starts after" the compaction revision C;
//     etcd lets a watch start *at* C, whose events lack their previous values (observed
//     on 3.4.23: an update at C arrives without `prev_kv`). So the watch asks etcd for
//     `start_revision = after`, one earlier than the first event it wants, and drops the
//     events at `after` itself before reading them. A watch after C−1 thus asks for C−1,
//     and etcd refuses it, reporting `compact_revision` C: the store's
//     `HistoryError.compacted(requested: C−1, compactRevision: C)`, as the embedded
//     store answers. (Revision 0 would mean "from now" to etcd, so the floor is 1.)
//   - Failover. When the stream breaks (the member died, the connection dropped), the
//     reader opens the watch again on the next member that answers, from the last
//     revision it delivered (`WatchPosition`): no gap, no duplicate.
//   - Back-pressure. Nothing queues in the API server: the socket is read only when the
//     stream's reader asks for the next event, so a slow reader slows etcd's sending
//     (through TCP), and etcd, which keeps the history anyway, holds the rest, as it
//     does for any slow watcher. So this watch never ends with `fellBehind`; the
//     embedded store must cut slow watchers off only because the history is its own memory.
//
// `watchWithProgress` is the same watch with etcd's progress notifications in it.
//
// No task runs for a watch: the reader's `next()` does the reading. It ends when its
// reader stops (dropping the stream closes the connection, and etcd drops the watch),
// at a refusal, or when no member answers for `EtcdLimits.failoverPatience`.

import StoreWatch

extension EtcdStore {
    /// See `WatchableKeyValueStore.watch(prefix:after:)`.
    public func watch(prefix: String, after revision: Int64) -> AsyncThrowingStream<StoreEvent, any Error> {
        let reader = EtcdWatchReader(store: self, prefix: prefix, after: revision, progress: false)
        return AsyncThrowingStream {
            while let item = try await reader.next() {
                if case .event(let event) = item { return event }
            }
            return nil
        }
    }

    /// See `WatchableKeyValueStore.watchWithProgress(prefix:after:)`: the watch with etcd's
    /// periodic progress notifications in it (see EtcdWatchReader.swift).
    public func watchWithProgress(prefix: String, after revision: Int64) -> AsyncThrowingStream<StoreWatchItem, any Error> {
        let reader = EtcdWatchReader(store: self, prefix: prefix, after: revision, progress: true)
        return AsyncThrowingStream { try await reader.next() }
    }

    /// See `WatchableKeyValueStore.requestProgress()`. etcd answers a `progress_request`
    /// sent on an open watch stream, but this client sends each request body whole, so it
    /// cannot add one to a stream already open; progress comes at etcd's own interval instead.
    public func requestProgress() {}
}
