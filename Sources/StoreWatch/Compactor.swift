// Stage 3 · StoreWatch: forgets the past on a timer, as Kubernetes' API server compacts etcd.
//
// etcd keeps every revision until told to forget, so Kubernetes' API server tells it,
// every five minutes (`--etcd-compaction-interval`): at each tick it compacts through
// the revision it noted at the previous tick, and notes the current one. Every event
// stays watchable for at least one interval and at most two, and a client that was away
// for longer is answered "too old" and re-lists. This compactor does the same to a
// `WatchableStore`, whose history is also bounded by `WatchLimits` in between.

import Common

/// Compacts a store's history every `interval`, through the revision of the tick before.
public struct Compactor<C: Clock>: Sendable where C.Duration == Duration {
    let store: any WatchableKeyValueStore
    let interval: Duration
    let clock: C
    let logger: Logger

    /// A compactor of `store`; `run()` does the work. Tests pass a short interval.
    public init(store: any WatchableKeyValueStore, interval: Duration = WatchLimits.compactionInterval, clock: C,
                logger: Logger = .silent) {
        self.store = store
        self.interval = interval
        self.clock = clock
        self.logger = logger
    }

    /// Ticks until cancelled; the only long-running work of the watchable store.
    ///
    /// A compaction that fails (an etcd that cannot be reached at that moment) is logged and
    /// left to the next tick, as Kubernetes' compactor does: forgetting later is harmless,
    /// and a store outage must not stop the API server.
    public func run() async throws {
        var noted: Int64?
        while true {
            try await clock.sleep(until: clock.now.advanced(by: interval), tolerance: nil)
            if let noted {
                do throws(HistoryError) {
                    try await store.compact(through: noted)
                    logger.debug("compacted", ["revision": noted])
                } catch {
                    logger.warning("compaction failed, trying again at the next tick", ["revision": noted, "error": error])
                }
            }
            noted = await store.currentRevision
        }
    }
}
