// Stage 4 · Scheduler: the queue's view of time, from whatever `Clock` it was given.
//
// The queue's times (when a pod failed, when its back-off ends) are durations since the
// queue was made, so that `QueuedPodInfo` need not be generic over a clock's `Instant`.
// The queue is given a clock (`ContinuousClock` in the scheduler, a manual one in tests)
// and this wraps it: what time it is now, and a sleep until a given time.

/// A clock reduced to "now" and "sleep until", as durations since the queue's start.
struct QueueClock: Sendable {
    /// The time now, since the queue's start.
    let now: @Sendable () -> Duration
    /// Sleeps until `deadline` (since the queue's start); throws when the task is cancelled.
    let sleep: @Sendable (_ deadline: Duration) async throws -> Void

    init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let origin = clock.now
        now = { origin.duration(to: clock.now) }
        sleep = { deadline in try await clock.sleep(until: origin.advanced(by: deadline), tolerance: nil) }
    }
}
