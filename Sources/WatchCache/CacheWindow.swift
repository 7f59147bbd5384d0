// Stage 3 · WatchCache: the recent events of one resource, and how far the cache has come.
//
// The watch cache keeps the last `capacity` events of a resource, so that a client
// watching from a recent version is replayed them from memory rather than from the
// store. Two revisions describe the window:
//
//   oldest     every event after it is kept: a watch from `oldest` or later can be served
//   revision   every event up to it has been seen: the version the cache has reached,
//              moved by the resource's own events and by the store's progress
//
// A resource's events are not at consecutive revisions (the pods' writes are interleaved
// with everyone else's), so the window keeps each event's revision and searches by it.
// A pure value: `ResourceWatchCache` owns one behind its lock; tests drive it directly.

/// The last events of one resource, oldest first, with the revisions they cover.
struct CacheWindow<Element: Sendable>: Sendable {
    /// The window holds every event after this revision.
    private(set) var oldest: Int64
    /// Every event up to this revision has been seen.
    private(set) var revision: Int64
    let capacity: Int
    /// `entries[head...]` are kept; the dead front is removed in bulk, as `EventHistory` does.
    private var entries: [(revision: Int64, element: Element)] = []
    private var head = 0

    /// An empty window of a cache that starts at `revision`.
    init(startingAfter revision: Int64, capacity: Int) {
        self.oldest = revision
        self.revision = revision
        self.capacity = max(1, capacity)
    }

    /// How many events are kept.
    var count: Int { entries.count - head }

    /// Adds the event at `revision`, after every one kept; the oldest goes when full.
    mutating func append(_ element: Element, at revision: Int64) {
        precondition(revision > self.revision, "event \(revision) after revision \(self.revision)")
        entries.append((revision, element))
        self.revision = revision
        if count > capacity {
            oldest = entries[head].revision
            head += 1
            if head > capacity {
                entries.removeFirst(head)
                head = 0
            }
        }
    }

    /// The store has reached `revision` with no event of this resource since the last.
    mutating func advance(to revision: Int64) {
        self.revision = max(self.revision, revision)
    }

    /// The kept events after `revision`, oldest first; nil when some were dropped.
    func elements(after revision: Int64) -> [Element]? {
        guard revision >= oldest else { return nil }
        // The first kept entry after `revision`, by binary search.
        var low = head, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].revision <= revision { low = middle + 1 } else { high = middle }
        }
        return entries[low...].map(\.element)
    }
}
