// Stage 4 · Scheduler: how long a pod that failed waits before it is tried again.
//
// A pod that cannot be placed now will probably not fit a millisecond later either, and
// trying it in a loop would starve every other pod. So each failure doubles its wait,
// from `podInitialBackoffSeconds` (1 s) up to `podMaxBackoffSeconds` (10 s), Kubernetes'
// `calculateBackoffDuration` in `scheduling_queue.go`. The wait counts from the pod's
// `timestamp`, the moment it last failed.

import SchedulerFramework

/// The back-off policy of the scheduling queue; one value per queue.
public struct PodBackoff: Sendable, Hashable {
    /// kube-scheduler's `podInitialBackoffSeconds` default.
    public static let defaultInitialBackoff: Duration = .seconds(1)
    /// kube-scheduler's `podMaxBackoffSeconds` default.
    public static let defaultMaxBackoff: Duration = .seconds(10)

    /// The wait after the first attempt.
    public let initialBackoff: Duration
    /// The longest wait, however many attempts.
    public let maxBackoff: Duration

    public init(initialBackoff: Duration = defaultInitialBackoff, maxBackoff: Duration = defaultMaxBackoff) {
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
    }

    /// The wait of a pod tried `attempts` times: initial × 2^(attempts−1), at most `maxBackoff`.
    public func duration(attempts: Int) -> Duration {
        var duration = initialBackoff
        var attempt = 1
        while attempt < attempts {
            // Compared before doubling, as Kubernetes does, so that the sum cannot overflow.
            if duration > maxBackoff - duration { return maxBackoff }
            duration += duration
            attempt += 1
        }
        return min(duration, maxBackoff)
    }

    /// When `info`'s back-off ends, on the queue's clock.
    public func backoffTime(of info: QueuedPodInfo) -> Duration {
        info.timestamp + duration(attempts: info.attempts)
    }
}
