// Stage 3 · EtcdStore: how far a watch of etcd has delivered, so that a re-opened one resumes exactly.
//
// When a watch's stream breaks (its member died), the watch opens again from where it
// was. "Where it was" needs care: a revision may hold several events (a transaction that
// wrote several keys), so resuming "after revision R" would lose the rest of R's events
// if the stream broke in the middle of them, and resuming "at R" would repeat the ones
// given out. So a resumed watch starts *at* R and skips as many of R's events as were
// delivered. The same rule drops the events at the watch's own `after` revision, which
// the watch asks etcd for (see EtcdWatchReader.swift) but the reader does not want.

/// How far a watch has delivered: the newest revision, and how many of its events.
struct WatchPosition {
    /// The newest revision delivered (at first, the watch's `after`).
    private(set) var revision: Int64
    /// How many of `revision`'s events were delivered; `Int.max` when all of them count as
    /// delivered (the `after` revision, whose events the watcher does not want).
    private var deliveredAtRevision = Int.max
    /// How many of `revision`'s events this connection has shown so far.
    private var seenAtRevision = 0

    init(after: Int64) { revision = after }

    /// A new stream replays from `revision` again.
    mutating func reconnected() { seenAtRevision = 0 }

    /// etcd says every event up to `reached` has been sent: the watch resumes from there.
    /// Returns whether that is news (a progress that does not move the position is not).
    mutating func passed(_ reached: Int64) -> Bool {
        guard reached > revision else { return false }
        revision = reached
        deliveredAtRevision = .max
        seenAtRevision = 0
        return true
    }

    /// Whether the event at `eventRevision` is new to the watcher; records it as delivered if so.
    mutating func admits(_ eventRevision: Int64) -> Bool {
        if eventRevision > revision {
            revision = eventRevision
            deliveredAtRevision = 1
            seenAtRevision = 1
            return true
        }
        guard eventRevision == revision else { return false }
        seenAtRevision += 1
        guard seenAtRevision > deliveredAtRevision else { return false }
        deliveredAtRevision += 1
        return true
    }
}
