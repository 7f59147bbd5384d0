// Stage 3 · StoreWatch: the store's progress, for stores that cannot tell it.
//
// `watchWithProgress` and `requestProgress` were added to `WatchableKeyValueStore` after
// its first store; these defaults keep every store compiling and correct: a store that
// says nothing of its progress gives a watch its events only, and a request for progress
// is ignored. Bookmarks then advance with the watched prefix's own writes, which is
// allowed (Kubernetes never promises bookmarks). etcd can do better with its
// `progress_request`, and the embedded `WatchableStore` does better in `WatchHub`.

extension WatchableKeyValueStore {
    /// The events of `watch(prefix:after:)`, never a progress item.
    public func watchWithProgress(prefix: String, after revision: Int64) -> AsyncThrowingStream<StoreWatchItem, any Error> {
        let events = watch(prefix: prefix, after: revision)
        let (stream, continuation) = AsyncThrowingStream<StoreWatchItem, any Error>.makeStream()
        let forward = Task {
            do {
                for try await event in events { continuation.yield(.event(event)) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in forward.cancel() }
        return stream
    }

    /// Does nothing: this store does not tell its progress.
    public func requestProgress() async {}
}
