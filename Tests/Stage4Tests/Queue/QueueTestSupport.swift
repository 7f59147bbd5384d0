// Stage 4 · Scheduler tests: pods to queue, and a queue with its timer loop running.

import SchedulerFramework
import API
@testable import Scheduler
@testable import TestSupport

/// A pending pod named `name`, with `priority` when given and a uid of its own.
func pendingPod(_ name: String, priority: Int32? = nil, labels: [String: String] = [:]) -> Pod {
    Pod(
        metadata: ObjectMeta(name: name, namespace: "default", uid: "uid-\(name)", labels: labels),
        spec: PodSpec(containers: [Container(name: "main", image: "busybox")], priority: priority))
}

/// Runs `body` with a queue on `clock` whose `run()` loop is running; cancels it after.
func withRunningQueue<T: Sendable>(
    clock: ManualClock, maxInUnschedulablePods: Duration = SchedulingQueue.defaultMaxInUnschedulablePods,
    _ body: @Sendable (SchedulingQueue) async throws -> T
) async throws -> T {
    let queue = SchedulingQueue(clock: clock, maxInUnschedulablePods: maxInUnschedulablePods)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await queue.run() }
        defer { group.cancelAll() }
        return try await body(queue)
    }
}

/// Pops with a deadline, so that a queue that never answers fails the test instead of hanging it.
func popSoon(_ queue: SchedulingQueue) async throws -> QueuedPodInfo {
    try await withDeadline(seconds: 30) { try await queue.pop() }
}

/// Pops `pod`'s info after adding it, and returns it with the cycle it was popped in.
func tryOnce(_ pod: Pod, in queue: SchedulingQueue) async throws -> (QueuedPodInfo, Int64) {
    await queue.add(pod)
    let info = try await popSoon(queue)
    return (info, await queue.schedulingCycle)
}

/// Whether the queue holds exactly `active`, `backoff` and `unschedulable` pods.
func counts(_ queue: SchedulingQueue, _ active: Int, _ backoff: Int, _ unschedulable: Int) async -> Bool {
    let pending = await queue.pendingPods()
    return pending.active == active && pending.backoff == backoff && pending.unschedulable == unschedulable
}
