// Stage 3 · WatchCache: one client's watch, fed by its resource's cache.
//
// The cache hands each client the events of its namespace, decoded, and the cache's
// progress; this loop, one per client, in the client's own task, turns them into what the
// client sees: each event through the client's selectors (`WatchFilter`), sent as the JSON
// the cache made once for every client (or, for a Table, encoded here), and a BOOKMARK
// when one is due (`BookmarkSchedule`) carrying the version reached, which moves with the
// store's progress even when this resource is not written. Between items it wakes every
// `tickInterval` to notice a client that left, and on time for its `timeoutSeconds`.
//
// The loop ends when the sink closes, when the cache cuts this client off for falling
// behind, or when the cache starts again; in the last two the stream just ends and the
// client, as Kubernetes' clients do, watches again from the last version it saw.

import API
import APIMachinery
import APIServer
import StoreWatch

/// The loop serving one client of a `ResourceWatchCache`.
struct CacheClient<Strategy: RESTStrategy> {
    let limits: WatchCacheLimits
    let filter: WatchFilter<Strategy>
    let request: WatchRequest
    /// The version the client has been brought to: every event up to it was sent or skipped.
    var reached: Int64

    /// Sends `items` into `sink` until one of them ends.
    func serve(_ items: AsyncThrowingStream<ResourceWatchCache<Strategy>.Item, any Error>, into sink: WatchSink<Strategy>) async throws {
        var reached = reached
        let now = ContinuousClock.now
        let timeout = request.query["timeoutSeconds"].flatMap(Int.init).map { now.advanced(by: .seconds($0)) }
        var bookmarks = BookmarkSchedule(
            start: now, interval: limits.bookmarkInterval, beforeDeadline: limits.bookmarkBeforeTimeout, deadline: timeout)
        do {
            // Woken on time for the bookmark just before the timeout, and for the timeout.
            let wakeAt = [sink.closesAt.advanced(by: .zero - limits.bookmarkBeforeTimeout), sink.closesAt]
            try await withWatchFeed(
                { items }, tickInterval: limits.tickInterval, wakeAt: wakeAt, bufferEvents: limits.clientBufferEvents
            ) { feed, latch in
                for try await item in feed {
                    if sink.isClosed { return }
                    switch item {
                    case .change(.event(let event)):
                        reached = event.revision
                        if let failure = event.failure { return try await sink.send(.error(failure)) }
                        if let sent = filter.event(
                            revision: event.revision, object: event.object, previous: event.previous, hadPrevious: event.hadPrevious)
                        {
                            // A DELETED carries the previous object at this revision; the others the new one.
                            let json = sent.type == "DELETED" ? event.deletedJSON : event.objectJSON
                            if let json, try await sink.sendEncoded(type: sent.type, objectJSON: json) { continue }
                            try await sink.send(sent)
                        }
                    case .change(.progress(let revision)):
                        reached = max(reached, revision)
                    case .tick:
                        latch.release()
                        if request.allowsBookmarks && bookmarks.isDue(at: .now) {
                            try await sink.send(.bookmark(resourceVersion: String(reached)))
                        }
                    }
                }
            }
        } catch is HistoryError {
            return  // Cut off for falling behind: the client re-watches from its last version.
        }
    }
}
