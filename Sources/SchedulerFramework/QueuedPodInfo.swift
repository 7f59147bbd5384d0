// Stage 4 · SchedulerFramework: a pending pod as the scheduling queue holds it.
//
// The queue does not hold bare pods. It remembers, beside each one, what the scheduler
// learned while trying to place it: how many times it was tried (which sets its back-off),
// when it entered its current sub-queue (which orders pods of equal priority and starts
// its back-off), and which plugins said no last time (so that only a cluster event one of
// those plugins cares about moves it back). Kubernetes calls this `QueuedPodInfo`
// (`pkg/scheduler/framework/types.go`); the queue sorts them with the QueueSort plugin
// (`PrioritySort`).

import API

/// A pod in the scheduling queue, with its scheduling history; handed out by
/// `SchedulingQueue.pop()` and handed back with `addUnschedulableIfNotPresent`.
public struct QueuedPodInfo: Sendable {
    /// The pod as the queue last heard of it (an update replaces it).
    public var pod: Pod
    /// When the pod entered the queue, or last failed: the tie-break between pods of equal
    /// priority, and the start of its back-off. On the queue's clock, as time since the
    /// queue was made, so that any `Clock` (a test's too) can drive it.
    public var timestamp: Duration
    /// How many times the scheduler has popped this pod: its back-off doubles with each.
    public var attempts: Int
    /// When it was first popped, for the scheduler's latency figures; nil until then.
    public var initialAttemptTimestamp: Duration?
    /// The plugins that rejected it in its last attempt; empty means "any event may help".
    public var unschedulablePlugins: Set<String>

    public init(pod: Pod, timestamp: Duration, attempts: Int = 0, initialAttemptTimestamp: Duration? = nil,
                unschedulablePlugins: Set<String> = []) {
        self.pod = pod
        self.timestamp = timestamp
        self.attempts = attempts
        self.initialAttemptTimestamp = initialAttemptTimestamp
        self.unschedulablePlugins = unschedulablePlugins
    }

    /// `namespace/name`, the key Kubernetes' queue files a pod under (`MetaNamespaceKeyFunc`).
    public var key: String { Self.key(of: pod) }

    /// The key of `pod`.
    public static func key(of pod: Pod) -> String { "\(pod.metadata.namespace)/\(pod.metadata.name)" }
}
