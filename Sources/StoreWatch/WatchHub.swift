// Stage 3 · StoreWatch: the history and the watchers, behind one lock.
//
// The store calls `record` from inside its own isolation with each committed write, in
// revision order. `record` appends the event to the history and hands it to every
// watcher whose prefix matches, in the same locked step. A new watcher is registered in
// one locked step too: it is replayed the history after its revision and added to the
// table. Because both steps hold the same lock, each event reaches a watcher exactly once:
// either it was in the history when the watcher registered (replayed), or it was recorded
// afterwards (delivered live). None is missed and none comes twice.
//
// Why a slow watcher is cut off: the store must not wait for its slowest reader, or one
// stuck client would stall every write in the cluster; and it must not queue for it
// without end, or that client could exhaust the server's memory. So each watcher's
// stream holds at most its replay plus `watcherBufferEvents`; the first event that does
// not fit ends the stream with `HistoryError.fellBehind`, after the events already queued.
// The watcher knows the last revision it saw, and may watch again from there (Kubernetes'
// watch cache drops slow watchers the same way, and its clients re-watch or re-list).
//
// The lock is a `Mutex`, not an actor, because the store calls in synchronously: an
// actor hop would let two commits race and arrive out of order. Nothing under the lock
// waits: yielding to an `AsyncThrowingStream` only queues. Finishing a stream runs its
// `onTermination`, which takes the lock, so streams are finished after it is released.

import Storage
import Synchronization

/// The history and the table of live watchers; owned by one `WatchableStore`.
final class WatchHub: Sendable {
    /// One live watch.
    struct Watcher {
        let prefix: String
        /// Only events after this revision are the watcher's (it may name a future one).
        let after: Int64
        /// Whether the watcher is told the store's progress (`watchWithProgress`).
        let wantsProgress: Bool
        /// Queues one item for the watcher; false when it did not fit.
        let deliver: @Sendable (StoreWatchItem) -> Bool
        /// Ends the watcher's stream with `error`.
        let end: @Sendable (HistoryError) -> Void
    }

    /// All mutable state; only touched with `state` locked.
    struct State {
        var history: EventHistory
        /// The live watchers by id; a watcher leaves when its stream ends, for any reason.
        var watchers: [Int: Watcher] = [:]
        var nextID = 0
    }

    let limits: WatchLimits
    private let state: Mutex<State>

    /// A hub whose history is empty; `start(after:)` says from which revision.
    init(limits: WatchLimits) {
        self.limits = limits
        self.state = Mutex(State(history: EventHistory(startingAfter: StorageLimits.initialRevision, limits: limits)))
    }

    /// Starts the history, empty, after the store's current `revision`; called once, by the
    /// store, before its first `record`.
    func start(after revision: Int64) {
        state.withLock { $0.history = EventHistory(startingAfter: revision, limits: limits) }
    }

    /// Records one committed write and delivers it to the watchers of its key.
    func record(_ write: CommittedWrite) {
        let event = StoreEvent(write)
        let cutOff = state.withLock { state -> [Watcher] in
            state.history.append(event)
            var cutOff: [Watcher] = []
            for (id, watcher) in state.watchers where event.revision > watcher.after && event.key.hasPrefix(watcher.prefix) {
                if !watcher.deliver(.event(event)) {
                    state.watchers[id] = nil
                    cutOff.append(watcher)
                }
            }
            return cutOff
        }
        for watcher in cutOff {
            watcher.end(HistoryError.fellBehind(limit: limits.watcherBufferEvents))
        }
    }

    /// Tells every watcher that wants it the revision the store has reached. Under the
    /// lock, so every event up to that revision is already in each watcher's queue.
    func requestProgress() {
        let cutOff = state.withLock { state -> [Watcher] in
            let revision = state.history.latestRevision
            var cutOff: [Watcher] = []
            for (id, watcher) in state.watchers where watcher.wantsProgress && revision > watcher.after {
                if !watcher.deliver(.progress(revision: revision)) {
                    state.watchers[id] = nil
                    cutOff.append(watcher)
                }
            }
            return cutOff
        }
        for watcher in cutOff {
            watcher.end(HistoryError.fellBehind(limit: limits.watcherBufferEvents))
        }
    }

    /// A stream of every event after `revision` under `prefix`: first those in the history,
    /// then each new one as it is recorded.
    func watch(prefix: String, after revision: Int64) -> AsyncThrowingStream<StoreEvent, any Error> {
        register(prefix: prefix, after: revision, wantsProgress: false) { item in
            if case .event(let event) = item { event } else { nil }
        }
    }

    /// `watch(prefix:after:)`, with `.progress` items when `requestProgress` is called.
    func watchWithProgress(prefix: String, after revision: Int64) -> AsyncThrowingStream<StoreWatchItem, any Error> {
        register(prefix: prefix, after: revision, wantsProgress: true) { $0 }
    }

    /// Registers one watcher whose stream holds `element(item)` for each item it is given.
    private func register<Element: Sendable>(
        prefix: String, after revision: Int64, wantsProgress: Bool, _ element: @escaping @Sendable (StoreWatchItem) -> Element?
    ) -> AsyncThrowingStream<Element, any Error> {
        let outcome = state.withLock { state -> Result<AsyncThrowingStream<Element, any Error>, HistoryError> in
            let replay: [StoreEvent]
            do throws(HistoryError) {
                replay = try state.history.events(after: revision).filter { $0.key.hasPrefix(prefix) }
            } catch {
                return .failure(error)
            }
            let (stream, continuation) = AsyncThrowingStream<Element, any Error>.makeStream(
                bufferingPolicy: .bufferingOldest(replay.count + limits.watcherBufferEvents)
            )
            for event in replay { if let value = element(.event(event)) { continuation.yield(value) } }
            let id = state.nextID
            state.nextID += 1
            state.watchers[id] = Watcher(
                prefix: prefix, after: revision, wantsProgress: wantsProgress,
                deliver: { item in
                    guard let value = element(item) else { return true }
                    if case .dropped = continuation.yield(value) { return false }
                    return true
                },
                end: { continuation.finish(throwing: $0) })
            continuation.onTermination = { [weak self] _ in self?.remove(id) }
            return .success(stream)
        }
        switch outcome {
        case .success(let stream):
            return stream
        case .failure(let error):
            return AsyncThrowingStream { $0.finish(throwing: error) }
        }
    }

    /// Forgets the events up to and including `revision`.
    func compact(through revision: Int64) {
        state.withLock { $0.history.compact(through: revision) }
    }

    /// Runs `body` on the history, locked: for reads that must see it as one moment.
    func withHistory<Result: Sendable>(_ body: (EventHistory) throws(HistoryError) -> Result) throws(HistoryError) -> Result {
        try state.withLock { state throws(HistoryError) in try body(state.history) }
    }

    /// The revision the history starts after.
    var compactRevision: Int64 { state.withLock { $0.history.compactRevision } }

    /// How many watches are live: a stream leaves when it ends or its reader stops.
    var watcherCount: Int { state.withLock { $0.watchers.count } }

    private func remove(_ id: Int) {
        state.withLock { _ = $0.watchers.removeValue(forKey: id) }
    }
}
