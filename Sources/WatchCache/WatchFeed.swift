// Stage 3 · WatchCache: a store watch's changes, with a tick now and then, in one bounded stream.
//
// The loop that serves a watch must wake for two things: a change from the store, and the
// clock, because a watch with nothing to say must still notice that its client has gone,
// that its `timeoutSeconds` are up, or that a BOOKMARK is due. One stream carries both, so
// the loop has one place to wait and handles them in the order they happen.
//
// The stream is bounded. A client that reads slowly must not make the server queue its
// changes without end, so when `bufferEvents` changes wait for the loop, the stream ends
// with `HistoryError.fellBehind` after the ones already queued, as the store's own watch
// does; the client re-watches from the last version it saw. Ticks never pile up: one
// waits at most, so a stuck client costs a tick, not a queue of them.

import StoreWatch
import Synchronization

/// What wakes the loop serving one watch: a `Change` (the store's `StoreEvent`, or the
/// watch cache's item), or the clock.
enum FeedItem<Change: Sendable>: Sendable {
    /// A committed write under the watched prefix (or, from the watch cache, its progress).
    case change(Change)
    /// Time has passed: look at the clock.
    case tick
}

/// Runs `serve` over the changes of the store watch `startWatch` opens and a tick every
/// `tickInterval`, and at each of the instants `wakeAt` (the watch's timeout, a bookmark
/// due just before it), then stops both feeders.
///
/// Ticks are the cost of an idle watch, paid by every one of them: a thousand watches
/// ticking every 250 ms kept a sixth of a core busy doing nothing. So the regular tick is
/// slow, only to notice a client that has gone, and what must be on time wakes the loop
/// at its own instant.
///
/// The store watch is opened inside the task that reads it, and only that task holds it:
/// when the task stops, for any reason, the stream goes and the store forgets the watcher.
func withWatchFeed<Change: Sendable>(
    _ startWatch: @escaping @Sendable () -> AsyncThrowingStream<Change, any Error>,
    tickInterval: Duration, wakeAt instants: [ContinuousClock.Instant] = [], bufferEvents: Int,
    _ serve: (AsyncThrowingStream<FeedItem<Change>, any Error>, TickLatch) async throws -> Void
) async throws {
    let (feed, continuation) = AsyncThrowingStream<FeedItem<Change>, any Error>.makeStream(
        bufferingPolicy: .bufferingOldest(bufferEvents + 1))
    let latch = TickLatch()
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            do {
                for try await change in startWatch() {
                    if case .dropped = continuation.yield(.change(change)) {
                        continuation.finish(throwing: HistoryError.fellBehind(limit: bufferEvents))
                        return
                    }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        group.addTask {
            var instants = instants.sorted()
            while true {
                let now = ContinuousClock.now
                instants.removeAll { $0 <= now }
                let wake = min(now.advanced(by: tickInterval), instants.first ?? .now.advanced(by: tickInterval))
                guard (try? await Task.sleep(until: wake, clock: .continuous)) != nil else { return }
                if latch.arm(), case .dropped = continuation.yield(.tick) { latch.release() }
            }
        }
        defer { group.cancelAll() }
        try await serve(feed, latch)
    }
}

/// At most one tick waiting in a feed: armed when sent, released when handled.
final class TickLatch: Sendable {
    private let waiting = Atomic<Bool>(false)

    /// True if no tick was waiting, and one is now.
    func arm() -> Bool {
        waiting.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }

    /// The waiting tick has been handled.
    func release() {
        waiting.store(false, ordering: .releasing)
    }
}
