// Stage 3 · StoreWatch: the recent past of the store, one event per revision.
//
// Why a watch needs history: a watcher reads the state at revision R, then asks for
// every change after R. Between its read and its watch request other writes may land,
// and a watcher whose connection dropped comes back asking for the changes it missed.
// Both are answered from here. Kubernetes' `resourceVersion` is this revision: "watch
// from resourceVersion 10245" means "every event after revision 10245".
//
// Every write bumps the revision by exactly one and every write is an event, so the
// history holds every revision in `(compactRevision, latestRevision]`, one event each,
// in order. That makes "the events after R" an index calculation, and a gap impossible
// to miss. Forgetting is only ever from the front: the oldest events go when a limit is
// passed, or when `compact(through:)` is asked to drop them, and `compactRevision` moves
// up with them. A request from before it is refused (`HistoryError.compacted`).
//
// A pure value: `WatchHub` owns one behind its lock; tests drive it directly.

/// The events after `compactRevision`, bounded by `WatchLimits`.
struct EventHistory: Sendable {
    /// Every event up to and including this revision is forgotten.
    private(set) var compactRevision: Int64
    /// The revision of the newest event, or `compactRevision` when none is kept.
    var latestRevision: Int64 { compactRevision + Int64(count) }
    /// How many events are kept.
    var count: Int { storage.count - head }
    /// The bytes the kept events hold, roughly.
    private(set) var bytes = 0

    private let limits: WatchLimits
    /// `storage[head...]` are the kept events, oldest first; `storage[..<head]` are
    /// forgotten ones not yet removed (removing from the front of an array moves every
    /// element, so it is done in bulk, once half the array is dead).
    private var storage: [StoreEvent] = []
    private var head = 0

    /// An empty history of a store at `revision`: everything before is unknown to it.
    init(startingAfter revision: Int64, limits: WatchLimits) {
        self.compactRevision = revision
        self.limits = limits
    }

    /// Adds the event of the next revision, then forgets the oldest events over the limits.
    mutating func append(_ event: StoreEvent) {
        precondition(event.revision == latestRevision + 1, "event \(event.revision) after revision \(latestRevision)")
        storage.append(event)
        bytes += event.approximateBytes
        while count > limits.historyEvents || (bytes > limits.historyBytes && count > 1) {
            dropOldest()
        }
    }

    /// Forgets every event up to and including `revision` (clamped to the newest).
    mutating func compact(through revision: Int64) {
        let target = min(revision, latestRevision)
        while compactRevision < target { dropOldest() }
    }

    /// The kept events after `revision`, oldest first; throws if some were forgotten.
    func events(after revision: Int64) throws(HistoryError) -> ArraySlice<StoreEvent> {
        guard revision >= compactRevision else {
            throw .compacted(requested: revision, compactRevision: compactRevision)
        }
        guard revision < latestRevision else { return [] }
        return storage[(head + Int(revision - compactRevision))...]
    }

    private mutating func dropOldest() {
        bytes -= storage[head].approximateBytes
        head += 1
        compactRevision += 1
        if head > storage.count / 2 {
            storage.removeFirst(head)
            head = 0
        }
    }
}
