// Stage 3 · WatchCache: when one watch is sent its next BOOKMARK.
//
// A bookmark tells a client the version the watch has reached, so that after a broken
// connection it resumes from there rather than from the last object it saw, perhaps long
// ago. Kubernetes sends one roughly every minute, and one shortly (two seconds) before the
// watch's own `timeoutSeconds` run out, so that the client's next watch starts as late as
// possible (apiserver `cacher/cache_watcher.go`, `nextBookmarkTime`). Bookmarks are never
// promised, so one missed at a tick is simply sent at the next.

/// The time of a watch's next bookmark: a pure value, advanced by its owner.
struct BookmarkSchedule: Sendable {
    let interval: Duration
    /// The last bookmark is sent this long before the deadline.
    let beforeDeadline: Duration
    /// When the watch ends, if it has a timeout.
    let deadline: ContinuousClock.Instant?
    /// When the next bookmark is due; nil when none is left before the deadline.
    private(set) var next: ContinuousClock.Instant?

    /// The schedule of a watch that starts at `start`.
    init(start: ContinuousClock.Instant, interval: Duration, beforeDeadline: Duration, deadline: ContinuousClock.Instant?) {
        self.interval = interval
        self.beforeDeadline = beforeDeadline
        self.deadline = deadline
        next = Self.after(start, interval: interval, beforeDeadline: beforeDeadline, deadline: deadline)
    }

    /// True when a bookmark is due at `now`; the next is then scheduled.
    mutating func isDue(at now: ContinuousClock.Instant) -> Bool {
        guard let due = next, now >= due else { return false }
        next = Self.after(now, interval: interval, beforeDeadline: beforeDeadline, deadline: deadline)
        return true
    }

    /// The earlier of `now + interval` and the pre-deadline time, if that is still ahead.
    private static func after(
        _ now: ContinuousClock.Instant, interval: Duration, beforeDeadline: Duration, deadline: ContinuousClock.Instant?
    ) -> ContinuousClock.Instant? {
        var time = now.advanced(by: interval)
        if let deadline {
            let last = deadline.advanced(by: .zero - beforeDeadline)
            if last < time { time = last }
        }
        return time > now ? time : nil
    }
}
