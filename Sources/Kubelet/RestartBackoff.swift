// Stage 1 · Kubelet: the crash-loop back-off that spaces out container restarts.
//
// A container that keeps crashing must not be restarted in a hot loop: each restart
// waits twice as long as the one before, from 10 seconds up to 5 minutes. While the
// kubelet waits, the container is reported as waiting with reason `CrashLoopBackOff`,
// which is the word every Kubernetes user learns on their first bad day.
//
// This is Kubernetes' `flowcontrol.Backoff`, as the kubelet uses it, written as a pure
// value: it never looks at a clock, it is told the time. A container's entry is keyed
// by pod and container, and is measured from when the container last *finished*:
//
//   - `isInBackoff(key, since: finishedAt, now:)` asks "is it too soon to restart?"
//   - `next(key, finishedAt:, now:)` records a restart and doubles the delay.
//
// An entry whose container finished more than twice the maximum delay (10 minutes with
// the defaults) after its last restart has expired: a container that ran happily that
// long starts again with a short delay.

import Foundation

/// Remembers, per container, how long to wait before the next restart.
public struct RestartBackoff: Sendable {
    /// The delays used: the first, the cap, and how long an entry lives unused.
    public struct Policy: Sendable, Equatable {
        /// The delay before the first restart (Kubernetes: 10 s).
        public var initial: Duration
        /// The longest delay (Kubernetes: 5 min).
        public var maximum: Duration

        /// Makes a policy; the defaults are Kubernetes' own.
        public init(initial: Duration = .seconds(10), maximum: Duration = .seconds(300)) {
            self.initial = initial
            self.maximum = maximum
        }

        /// An entry unused for this long is forgotten: twice the maximum, as in Kubernetes.
        public var expiry: Duration { maximum * 2 }
    }

    /// One container's back-off: the current delay and when it was last set.
    struct Entry: Sendable, Equatable {
        var delay: Duration
        var lastUpdate: Date
    }

    /// The policy every entry follows.
    public let policy: Policy
    private var entries: [String: Entry] = [:]

    public init(policy: Policy = Policy()) {
        self.policy = policy
    }

    /// The delay currently in force for `key`, or nil when it has none.
    public func delay(for key: String) -> Duration? { entries[key]?.delay }

    /// True when a container that finished at `finishedAt` must still wait at `now`.
    ///
    /// This is `IsInBackOffSince`: a container is in back-off while less than the
    /// current delay has passed since it finished. A container that has no entry yet
    /// (its first crash) is not in back-off: Kubernetes restarts it at once, and only
    /// the crashes after that wait 10 s, 20 s, 40 s…
    public func isInBackoff(_ key: String, since finishedAt: Date, now: Date) -> Bool {
        guard let entry = entries[key], !hasExpired(entry, at: finishedAt) else { return false }
        return now.timeIntervalSince(finishedAt) < entry.delay.seconds
    }

    /// How long `key`, finished at `finishedAt`, must still wait at `now`; zero when it may restart.
    public func remaining(_ key: String, since finishedAt: Date, now: Date) -> Duration {
        guard isInBackoff(key, since: finishedAt, now: now), let entry = entries[key] else { return .zero }
        let left = entry.delay.seconds - now.timeIntervalSince(finishedAt)
        return .milliseconds(Int64((left * 1000).rounded(.up)))
    }

    /// Records a restart at `now` of `key`, a container that finished at `finishedAt`.
    ///
    /// The first restart (or the first after the entry expired) sets the initial
    /// delay; every further one doubles it, up to the maximum.
    public mutating func next(_ key: String, finishedAt: Date, now: Date) {
        if let entry = entries[key], !hasExpired(entry, at: finishedAt) {
            entries[key] = Entry(delay: min(entry.delay * 2, policy.maximum), lastUpdate: now)
        } else {
            entries[key] = Entry(delay: policy.initial, lastUpdate: now)
        }
    }

    /// Forgets `key`, when its pod is gone.
    public mutating func reset(_ key: String) {
        entries[key] = nil
    }

    /// An entry expires when its container finished long after its last restart.
    private func hasExpired(_ entry: Entry, at finishedAt: Date) -> Bool {
        finishedAt.timeIntervalSince(entry.lastUpdate) > policy.expiry.seconds
    }
}
