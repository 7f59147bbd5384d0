// Stage 3 · StoreWatch: forgets the past on a timer, as Kubernetes' API server compacts etcd.
//
// etcd keeps every revision until told to forget, so Kubernetes' API server tells it,
// every five minutes (`--etcd-compaction-interval`): at each tick it compacts through
// the revision it noted at the previous tick, and notes the current one. Every event
// stays watchable for at least one interval and at most two, and a client that was away
// for longer is answered "too old" and re-lists. This compactor does the same to a
// `WatchableStore`, whose history is also bounded by `WatchLimits` in between.

/// Compacts a store's history every `interval`, through the revision of the tick before.
public struct Compactor<C: Clock>: Sendable where C.Duration == Duration {
    let store: any WatchableKeyValueStore
    let interval: Duration
    let clock: C

    /// A compactor of `store`; `run()` does the work. Tests pass a short interval.
    public init(store: any WatchableKeyValueStore, interval: Duration = WatchLimits.compactionInterval, clock: C) {
        self.store = store
        self.interval = interval
        self.clock = clock
    }

    /// Ticks until cancelled; the only long-running work of the watchable store.
    public func run() async throws {
        var noted: Int64?
        while true {
            try await clock.sleep(until: clock.now.advanced(by: interval), tolerance: nil)
            if let noted { try await store.compact(through: noted) }
            noted = await store.currentRevision
        }
    }
}
