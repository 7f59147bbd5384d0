// Stage 3 · StoreWatch: every limit of the history and its watchers, in one place.
//
// Memory is the resource a watch can waste. The history is bounded in events and bytes,
// and each watcher's queue in events, so that neither a burst of writes nor a watcher
// that stopped reading can make the store grow without bound. Tests lower these.

/// How much the watchable store remembers, and how far a watcher may fall behind.
public struct WatchLimits: Sendable {
    /// The most events the history keeps; the oldest go first.
    public var historyEvents: Int
    /// The most bytes (keys and values, roughly) the history keeps; the oldest go first.
    public var historyBytes: Int
    /// How many live events may wait for one watcher, beyond those it was replayed when it
    /// started; one more and it is ended with `HistoryError.fellBehind`.
    public var watcherBufferEvents: Int

    /// Limits for a test or a small machine.
    public init(historyEvents: Int, historyBytes: Int, watcherBufferEvents: Int) {
        self.historyEvents = historyEvents
        self.historyBytes = historyBytes
        self.watcherBufferEvents = watcherBufferEvents
    }

    /// The defaults. Kubernetes' watch cache keeps between 100 and 102,400 events (sized to
    /// hold 75 s of them); etcd keeps every revision until the API server compacts it, every
    /// 5 minutes. 10,000 events of a few KiB each is minutes of a small cluster's writes.
    public static let standard = WatchLimits(
        historyEvents: 10_000, historyBytes: 64 * 1024 * 1024, watcherBufferEvents: 1_000
    )

    /// How often `Compactor` compacts: Kubernetes' API server compacts etcd every five
    /// minutes, so a change stays watchable for five to ten.
    public static let compactionInterval: Duration = .seconds(5 * 60)

    /// What an event costs beyond its key and values (revisions, kind, references), for
    /// the byte count.
    static let eventOverheadBytes = 64
}
