// Stage 3 · WatchCache: every limit and period of the watch cache, in one place.
//
// Kubernetes' numbers, where it has them (apiserver `pkg/storage/cacher`): a minute
// between bookmarks, three seconds of waiting for a version the store has not reached,
// a window of recent events sized between 100 and 102,400 (here a fixed count), and a
// per-client queue of a few hundred events (its `suggestedWatchChannelSize` picks 10 to
// 1,000). Tests lower the periods so that they run in milliseconds.

/// How much the watch cache keeps, how long it waits, and how often it speaks.
public struct WatchCacheLimits: Sendable {
    /// How many recent events of one resource the cache keeps: a watch from within them is
    /// served from memory; one from before them is served from the store's history.
    public var windowEvents: Int
    /// How many events may wait for one client; one more and its watch is ended (it
    /// re-watches from the last version it saw), so that no client slows the others.
    public var clientBufferEvents: Int
    /// How often a watch that asked for them is sent a BOOKMARK (Kubernetes: one minute).
    public var bookmarkInterval: Duration
    /// A BOOKMARK is also sent this long before a watch's `timeoutSeconds` run out, so the
    /// client resumes from as late a version as possible (Kubernetes: two seconds).
    public var bookmarkBeforeTimeout: Duration
    /// How often the cache asks the store how far it has come (etcd's progress notify),
    /// so that bookmarks advance while other resources are written.
    public var progressInterval: Duration
    /// How often a client's loop wakes to see whether its client has gone (its timeout and
    /// the bookmark before it wake it on time): slow, because every idle watch pays it.
    public var tickInterval: Duration
    /// How long a list waits for a resourceVersion the store has not reached before it is
    /// answered 504 (Kubernetes' `blockTimeout`).
    public var futureVersionWait: Duration
    /// The `retryAfterSeconds` of that 504 (Kubernetes' `resourceVersionTooHighRetrySeconds`).
    public var futureVersionRetrySeconds: Int32

    public init(
        windowEvents: Int = 1_000, clientBufferEvents: Int = 1_000, bookmarkInterval: Duration = .seconds(60),
        bookmarkBeforeTimeout: Duration = .seconds(2), progressInterval: Duration = .seconds(5),
        tickInterval: Duration = .seconds(2), futureVersionWait: Duration = .seconds(3),
        futureVersionRetrySeconds: Int32 = 1
    ) {
        self.windowEvents = windowEvents
        self.clientBufferEvents = clientBufferEvents
        self.bookmarkInterval = bookmarkInterval
        self.bookmarkBeforeTimeout = bookmarkBeforeTimeout
        self.progressInterval = progressInterval
        self.tickInterval = tickInterval
        self.futureVersionWait = futureVersionWait
        self.futureVersionRetrySeconds = futureVersionRetrySeconds
    }

    /// Kubernetes' defaults.
    public static let standard = WatchCacheLimits()
}
