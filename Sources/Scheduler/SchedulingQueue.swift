// Stage 4 · Scheduler: the pods waiting to be scheduled, in the order they will be tried.
//
// Kubernetes' `PriorityQueue` (`pkg/scheduler/internal/queue/scheduling_queue.go`) holds
// every pending pod in one of three places:
//
//   activeQ         a heap, highest priority first, then the longest waiting: `pop` takes from here
//   backoffQ        pods that failed recently, by when their back-off ends (1 s, 2 s, 4 s… 10 s)
//   unschedulable   pods that fit nowhere; they wait for a cluster event that might help,
//                   or at most `maxInUnschedulablePods` (5 min)
//
//   add ──► activeQ ──pop──► scheduling cycle ──fails──► addUnschedulableIfNotPresent
//              ▲                                              │
//              │  back-off over (run)            move request during its cycle?
//           backoffQ ◄───────────── yes ─────────────────────┤
//              ▲                                              ▼ no
//              └── still backing off ── moveAllToActive… ◄── unschedulable (event, or timeout)
//
// One rule needs care. A pod is popped in cycle 7; while the scheduler tries it, a node
// joins and `moveAllToActiveOrBackoffQueue` runs, finding nothing to move (the pod is in
// no queue). If the pod then failed into the unschedulable pool, it would wait there for
// another event and miss the node that came. So the queue remembers the cycle of the last
// move request, and a pod whose cycle is not newer goes to backoffQ instead.
//
// The queue is an actor and nothing in it polls: `pop` waits for a signal that the
// active queue has a pod, and `run` sleeps until the earliest back-off or pool deadline,
// or until a change brings an earlier one.

import API
import SchedulerFramework
import SchedulerPlugins

/// The scheduling queue: the scheduler's informer handlers feed it, its loop pops from it.
public actor SchedulingQueue {
    /// kube-scheduler's `podMaxInUnschedulablePodsDuration` default.
    public static let defaultMaxInUnschedulablePods: Duration = .seconds(300)

    private let clock: QueueClock
    private let backoff: PodBackoff
    private let maxInUnschedulablePods: Duration
    private let pluginEvents: ClusterEvent.PluginMap

    // The three sub-queues; a pod's key is in at most one of them.
    private var activeQ: PodHeap
    private var backoffQ: PodHeap
    private var unschedulablePods: [String: QueuedPodInfo] = [:]

    /// The number of pops so far; a pod popped in cycle n was tried in cycle n.
    public private(set) var schedulingCycle: Int64 = 0
    /// The cycle in which the last move request came; -1 before any.
    private var moveRequestCycle: Int64 = -1
    /// The pods popped and not yet `done`, by uid, and those of them deleted meanwhile.
    private var inFlight: Set<String> = []
    private var deletedInFlight: Set<String> = []
    /// The nodes preemption promised to pods still waiting (`SchedulingQueue+Nominations.swift`).
    var nominator = PodNominator()

    /// Signalled when activeQ gains a pod (wakes `pop`), and when backoffQ or the pool
    /// changes (wakes `run`, whose next deadline may now be earlier).
    private let activeChanged = QueueWakeup()
    private let timersChanged = QueueWakeup()

    public init(
        clock: some Clock<Duration> = ContinuousClock(),
        initialBackoff: Duration = PodBackoff.defaultInitialBackoff, maxBackoff: Duration = PodBackoff.defaultMaxBackoff,
        maxInUnschedulablePods: Duration = defaultMaxInUnschedulablePods,
        pluginEvents: ClusterEvent.PluginMap = ClusterEvent.defaultPluginEvents,
        less: @escaping @Sendable (QueuedPodInfo, QueuedPodInfo) -> Bool = PrioritySort().less
    ) {
        self.clock = QueueClock(clock)
        let backoff = PodBackoff(initialBackoff: initialBackoff, maxBackoff: maxBackoff)
        self.backoff = backoff
        self.maxInUnschedulablePods = maxInUnschedulablePods
        self.pluginEvents = pluginEvents
        activeQ = PodHeap(less: less)
        backoffQ = PodHeap { backoff.backoffTime(of: $0) < backoff.backoffTime(of: $1) }
    }

    // MARK: Pending pods from the informer

    /// A new pending pod: into activeQ, to be tried at once.
    public func add(_ pod: Pod) {
        let key = QueuedPodInfo.key(of: pod)
        backoffQ.remove(key)
        if unschedulablePods.removeValue(forKey: key) != nil { timersChanged.signal() }
        var info = activeQ.get(key) ?? QueuedPodInfo(pod: pod, timestamp: clock.now())
        info.pod = pod
        pushActive(info)
    }

    /// A pending pod changed. Where it waits in activeQ or backoffQ, it is replaced in place.
    /// In the pool, a change that could matter (anything but its status and bookkeeping,
    /// Kubernetes' `isPodUpdated`) moves it out, to backoffQ if still backing off; a
    /// status-only change leaves it there. A pod in no queue and not being tried is added.
    public func update(old: Pod, new: Pod) {
        let key = QueuedPodInfo.key(of: new)
        nominator.update(new)
        if var info = activeQ.get(key) {
            info.pod = new
            activeQ.addOrUpdate(info)
        } else if var info = backoffQ.get(key) {
            info.pod = new
            backoffQ.addOrUpdate(info)
        } else if var info = unschedulablePods[key] {
            info.pod = new
            if Self.isPodUpdated(old: old, new: new) {
                unschedulablePods[key] = nil
                move(info)
            } else {
                unschedulablePods[key] = info
            }
        } else if !inFlight.contains(new.metadata.uid) {
            // (A pod being tried now is left out: its cycle ends with the informer's newest
            // copy, and adding it here would schedule it twice.)
            pushActive(QueuedPodInfo(pod: new, timestamp: clock.now()))
        }
    }

    /// A pending pod was deleted (or bound, by another scheduler): out of every queue, and
    /// not back in if its cycle is running now.
    public func delete(_ pod: Pod) {
        let key = QueuedPodInfo.key(of: pod)
        nominator.delete(pod)
        activeQ.remove(key)
        let wasTimed = backoffQ.remove(key) != nil || unschedulablePods.removeValue(forKey: key) != nil
        if wasTimed { timersChanged.signal() }
        if inFlight.contains(pod.metadata.uid) { deletedInFlight.insert(pod.metadata.uid) }
    }

    // MARK: The scheduling loop's side

    /// The next pod to try, waiting until there is one. Starts a scheduling cycle: the
    /// cycle count and the pod's attempts go up by one. Throws `CancellationError` when
    /// the waiting task is cancelled.
    public func pop() async throws -> QueuedPodInfo {
        while true {
            try Task.checkCancellation()
            if var info = activeQ.pop() {
                info.attempts += 1
                if info.initialAttemptTimestamp == nil { info.initialAttemptTimestamp = clock.now() }
                schedulingCycle += 1
                inFlight.insert(info.pod.metadata.uid)
                return info
            }
            // Read on the actor before waiting, so that an `add` in between is not missed.
            await activeChanged.wait(after: activeChanged.generation)
            // The actor may have run anything while this waited: look again from the top.
        }
    }

    /// A pod that failed in the cycle `podSchedulingCycle` (as `schedulingCycle` read at
    /// its pop): to the unschedulable pool, or to backoffQ if a move request came since
    /// it was popped (its rejection may be stale). Its back-off starts now. A pod already
    /// queued (re-added by an update) or deleted meanwhile is left as it is.
    public func addUnschedulableIfNotPresent(_ info: QueuedPodInfo, podSchedulingCycle: Int64) {
        let key = info.key
        guard !activeQ.contains(key), !backoffQ.contains(key), unschedulablePods[key] == nil,
              !deletedInFlight.contains(info.pod.metadata.uid)
        else { return }
        var info = info
        info.timestamp = clock.now()
        if moveRequestCycle >= podSchedulingCycle {
            backoffQ.addOrUpdate(info)
        } else {
            unschedulablePods[key] = info
        }
        timersChanged.signal()
    }

    /// Moves every pool pod that `event` could help (one of its rejecting plugins
    /// registered the event, or it has none) to backoffQ if still backing off, else to
    /// activeQ; and records the move request for pods being tried now.
    public func moveAllToActiveOrBackoffQueue(_ event: ClusterEvent) {
        let moving = unschedulablePods.values.filter { podMatches($0, event) }
        for info in moving {
            unschedulablePods[info.key] = nil
            move(info)
        }
        moveRequestCycle = schedulingCycle
        if !moving.isEmpty { timersChanged.signal() }
    }

    /// The cycle of the pod with `uid` has ended, bound or requeued.
    public func done(_ uid: String) {
        inFlight.remove(uid)
        deletedInFlight.remove(uid)
    }

    /// How many pods wait in each sub-queue, as kube-scheduler's `pending_pods` metric counts them.
    public func pendingPods() -> (active: Int, backoff: Int, unschedulable: Int) {
        (activeQ.count, backoffQ.count, unschedulablePods.count)
    }

    /// Every pod the queue holds, in no order (for the scheduler's debug dump, and tests).
    public func pendingPodInfos() -> [QueuedPodInfo] {
        activeQ.all + backoffQ.all + Array(unschedulablePods.values)
    }

    // MARK: Timers

    /// Moves pods whose back-off has ended to activeQ, and pool pods that have waited
    /// `maxInUnschedulablePods` back too; sleeping until the next such moment, or until
    /// a change brings an earlier one. Returns when its task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            let now = clock.now()
            flushBackoffQCompleted(now: now)
            flushUnschedulablePodsLeftover(now: now)
            let seen = timersChanged.generation
            let deadline = nextDeadline()
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.timersChanged.wait(after: seen) }
                if let deadline { group.addTask { [clock] in try? await clock.sleep(deadline) } }
                await group.next()
                group.cancelAll()
            }
        }
    }

    /// Kubernetes' `flushBackoffQCompleted`: every pod at the head of backoffQ whose back-off is over.
    private func flushBackoffQCompleted(now: Duration) {
        while let top = backoffQ.top, backoff.backoffTime(of: top) <= now {
            _ = backoffQ.pop()
            pushActive(top)
        }
    }

    /// Kubernetes' `flushUnschedulablePodsLeftover`: pool pods that have waited long enough.
    private func flushUnschedulablePodsLeftover(now: Duration) {
        let leftover = unschedulablePods.values.filter { now - $0.timestamp >= maxInUnschedulablePods }
        for info in leftover {
            unschedulablePods[info.key] = nil
            move(info)
        }
    }

    /// The earliest moment a timer has work: the first back-off end, or the first pool timeout.
    private func nextDeadline() -> Duration? {
        let backoffEnd = backoffQ.top.map { backoff.backoffTime(of: $0) }
        let poolEnd = unschedulablePods.values.map { $0.timestamp + maxInUnschedulablePods }.min()
        return [backoffEnd, poolEnd].compactMap { $0 }.min()
    }

    // MARK: Moving between sub-queues

    private func pushActive(_ info: QueuedPodInfo) {
        activeQ.addOrUpdate(info)
        activeChanged.signal()
    }

    /// Out of the pool: to backoffQ while its back-off lasts, else to activeQ.
    private func move(_ info: QueuedPodInfo) {
        if backoff.backoffTime(of: info) > clock.now() {
            backoffQ.addOrUpdate(info)
            timersChanged.signal()
        } else {
            pushActive(info)
        }
    }

    /// Kubernetes' `podMatchesEvent`.
    private func podMatches(_ info: QueuedPodInfo, _ event: ClusterEvent) -> Bool {
        if event.isWildCard || info.unschedulablePlugins.isEmpty { return true }
        return pluginEvents.contains { registered, plugins in
            registered.matches(event) && !plugins.isDisjoint(with: info.unschedulablePlugins)
        }
    }

    /// Kubernetes' `isPodUpdated`: whether anything but the status and bookkeeping changed.
    static func isPodUpdated(old: Pod, new: Pod) -> Bool {
        func stripped(_ pod: Pod) -> Pod {
            var pod = pod
            pod.metadata.resourceVersion = ""
            pod.metadata.generation = 0
            pod.metadata.finalizers = []
            pod.status = PodStatus()
            return pod
        }
        return stripped(old) != stripped(new)
    }
}
