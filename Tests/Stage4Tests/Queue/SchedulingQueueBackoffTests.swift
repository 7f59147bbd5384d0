// Stage 4 · Scheduler tests: back-off, the unschedulable pool, moves on events, updates and deletes.
//
// Every test drives the queue's `run()` loop with a `ManualClock`: it waits until the loop
// sleeps on the expected deadline, then moves time, so nothing here waits for real time.

import API
import ClusterKinds
@testable import Scheduler
import Testing
@testable import TestSupport

@Suite struct SchedulingQueueBackoffTests {
    @Test func backoffDoublesFromOneSecondToAtMostTen() {
        let backoff = PodBackoff()
        let waits = (1...7).map { backoff.duration(attempts: $0) }
        #expect(waits == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10), .seconds(10)])
        #expect(PodBackoff(initialBackoff: .seconds(3), maxBackoff: .seconds(5)).duration(attempts: 2) == .seconds(5))
    }

    @Test func aFailureDuringAMoveRequestWaitsOutItsBackoffThenIsActive() async throws {
        let clock = ManualClock()
        try await withRunningQueue(clock: clock) { queue in
            let (info, cycle) = try await tryOnce(pendingPod("web"), in: queue)
            await queue.moveAllToActiveOrBackoffQueue(.nodeAdd)
            await queue.addUnschedulableIfNotPresent(info, podSchedulingCycle: cycle)
            #expect(await counts(queue, 0, 1, 0))
            try await eventually("the queue to sleep until the back-off ends") { clock.awaitedDeadlines.contains(.seconds(1)) }
            clock.advance(by: .milliseconds(999))
            #expect(await counts(queue, 0, 1, 0))
            clock.advance(by: .milliseconds(1))
            try await eventually("the pod to be active again") { await counts(queue, 1, 0, 0) }
            #expect(try await popSoon(queue).attempts == 2)
        }
    }

    @Test func aFailureWithoutAMoveRequestWaitsInTheUnschedulablePool() async throws {
        let queue = SchedulingQueue(clock: ManualClock())
        let (info, cycle) = try await tryOnce(pendingPod("web"), in: queue)
        await queue.addUnschedulableIfNotPresent(info, podSchedulingCycle: cycle)
        #expect(await counts(queue, 0, 0, 1))
    }

    @Test func aMoveRequestBeforeThePodsCycleDoesNotCount() async throws {
        let queue = SchedulingQueue(clock: ManualClock())
        await queue.moveAllToActiveOrBackoffQueue(.nodeAdd)
        let (info, cycle) = try await tryOnce(pendingPod("web"), in: queue)
        await queue.addUnschedulableIfNotPresent(info, podSchedulingCycle: cycle)
        #expect(await counts(queue, 0, 0, 1))
    }

    @Test func anEventMovesOnlyPodsWhoseRejectingPluginRegisteredIt() async throws {
        let clock = ManualClock()
        let queue = SchedulingQueue(clock: clock)
        var (info, cycle) = try await tryOnce(pendingPod("picky"), in: queue)
        info.unschedulablePlugins = ["NodeAffinity"]
        await queue.addUnschedulableIfNotPresent(info, podSchedulingCycle: cycle)
        await queue.moveAllToActiveOrBackoffQueue(.assignedPodDelete)
        #expect(await counts(queue, 0, 0, 1))
        clock.advance(by: .seconds(1))
        await queue.moveAllToActiveOrBackoffQueue(.nodeLabelChange)
        #expect(await counts(queue, 1, 0, 0))
    }

    @Test func aMovedPodStillBackingOffGoesToTheBackoffQueue() async throws {
        let clock = ManualClock()
        let queue = SchedulingQueue(clock: clock)
        var (info, cycle) = try await tryOnce(pendingPod("big"), in: queue)
        info.unschedulablePlugins = ["NodeResourcesFit"]
        await queue.addUnschedulableIfNotPresent(info, podSchedulingCycle: cycle)
        clock.advance(by: .milliseconds(500))
        await queue.moveAllToActiveOrBackoffQueue(.assignedPodDelete)
        #expect(await counts(queue, 0, 1, 0))
    }

    @Test func aPodLeftInThePoolTooLongIsTriedAgain() async throws {
        let clock = ManualClock()
        try await withRunningQueue(clock: clock, maxInUnschedulablePods: .seconds(300)) { queue in
            let (info, cycle) = try await tryOnce(pendingPod("forgotten"), in: queue)
            await queue.addUnschedulableIfNotPresent(info, podSchedulingCycle: cycle)
            try await eventually("the queue to sleep until the pool's timeout") {
                clock.awaitedDeadlines.contains(.seconds(300))
            }
            clock.advance(by: .seconds(299))
            #expect(await counts(queue, 0, 0, 1))
            clock.advance(by: .seconds(1))
            try await eventually("the pod to be active again") { await counts(queue, 1, 0, 0) }
        }
    }

    @Test func aPodDeletedDuringItsCycleIsNotRequeued() async throws {
        let queue = SchedulingQueue(clock: ManualClock())
        let (info, cycle) = try await tryOnce(pendingPod("gone"), in: queue)
        await queue.delete(info.pod)
        await queue.addUnschedulableIfNotPresent(info, podSchedulingCycle: cycle)
        #expect(await counts(queue, 0, 0, 0))
        await queue.done(info.pod.metadata.uid)
        await queue.add(info.pod)
        #expect(await counts(queue, 1, 0, 0))
    }

    @Test func deleteRemovesThePodFromEachSubQueue() async throws {
        let queue = SchedulingQueue(clock: ManualClock())
        await queue.add(pendingPod("active"))
        let (inBackoff, first) = try await tryOnce(pendingPod("backoff", priority: 10), in: queue)
        await queue.moveAllToActiveOrBackoffQueue(.nodeAdd)
        await queue.addUnschedulableIfNotPresent(inBackoff, podSchedulingCycle: first)
        let (inPool, second) = try await tryOnce(pendingPod("pool", priority: 10), in: queue)
        await queue.addUnschedulableIfNotPresent(inPool, podSchedulingCycle: second)
        #expect(await counts(queue, 1, 1, 1))
        for name in ["active", "backoff", "pool"] { await queue.delete(pendingPod(name)) }
        #expect(await counts(queue, 0, 0, 0))
    }

    @Test func updateReplacesAPodInTheActiveAndBackoffQueuesInPlace() async throws {
        let queue = SchedulingQueue(clock: ManualClock())
        let (info, cycle) = try await tryOnce(pendingPod("web"), in: queue)
        await queue.moveAllToActiveOrBackoffQueue(.nodeAdd)
        await queue.addUnschedulableIfNotPresent(info, podSchedulingCycle: cycle)
        await queue.add(pendingPod("api"))
        await queue.update(old: pendingPod("web"), new: pendingPod("web", labels: ["v": "2"]))
        await queue.update(old: pendingPod("api"), new: pendingPod("api", labels: ["v": "2"]))
        #expect(await counts(queue, 1, 1, 0))
        let held = await queue.pendingPodInfos()
        #expect(held.allSatisfy { $0.pod.metadata.labels == ["v": "2"] })
        #expect(held.first { $0.pod.metadata.name == "web" }?.attempts == 1)
    }

    @Test func aStatusOnlyUpdateLeavesAPodInThePoolAndARealChangeMovesIt() async throws {
        let clock = ManualClock()
        let queue = SchedulingQueue(clock: clock)
        let (info, cycle) = try await tryOnce(pendingPod("web"), in: queue)
        await queue.addUnschedulableIfNotPresent(info, podSchedulingCycle: cycle)
        var statusOnly = info.pod
        statusOnly.metadata.resourceVersion = "7"
        statusOnly.status.conditions = [PodCondition(type: .podScheduled, status: .false, reason: "Unschedulable")]
        await queue.update(old: info.pod, new: statusOnly)
        #expect(await counts(queue, 0, 0, 1))
        var relabelled = statusOnly
        relabelled.spec.nodeSelector = ["disk": "ssd"]
        await queue.update(old: statusOnly, new: relabelled)
        #expect(await counts(queue, 0, 1, 0))
        clock.advance(by: .seconds(5))
        await queue.update(old: relabelled, new: relabelled)
        #expect(await counts(queue, 0, 1, 0))
    }

    @Test func anUpdateOfAPodInNoQueueAddsItUnlessItIsBeingTried() async throws {
        let queue = SchedulingQueue(clock: ManualClock())
        let (info, _) = try await tryOnce(pendingPod("trying"), in: queue)
        await queue.update(old: info.pod, new: pendingPod("trying", labels: ["v": "2"]))
        #expect(await counts(queue, 0, 0, 0))
        await queue.update(old: pendingPod("new"), new: pendingPod("new", labels: ["v": "2"]))
        #expect(await counts(queue, 1, 0, 0))
    }
}
