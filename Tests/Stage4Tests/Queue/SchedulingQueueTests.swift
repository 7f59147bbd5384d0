// Stage 4 · Scheduler tests: the active queue's order, popping, and the cycle's bookkeeping.

import API
import ClusterKinds
@testable import Scheduler
import Testing
@testable import TestSupport

@Suite struct SchedulingQueueTests {
    @Test func popReturnsHigherPriorityFirstThenEarlierArrival() async throws {
        let clock = ManualClock()
        let queue = SchedulingQueue(clock: clock)
        await queue.add(pendingPod("low-first", priority: 0))
        clock.advance(by: .milliseconds(1))
        await queue.add(pendingPod("high", priority: 100))
        clock.advance(by: .milliseconds(1))
        await queue.add(pendingPod("low-second"))
        clock.advance(by: .milliseconds(1))
        await queue.add(pendingPod("highest", priority: 1000))
        var names: [String] = []
        for _ in 0..<4 { names.append(try await popSoon(queue).pod.metadata.name) }
        #expect(names == ["highest", "high", "low-first", "low-second"])
    }

    @Test func popCountsTheCycleAndThePodsAttempts() async throws {
        let queue = SchedulingQueue(clock: ManualClock())
        #expect(await queue.schedulingCycle == 0)
        let (info, cycle) = try await tryOnce(pendingPod("web"), in: queue)
        #expect(info.attempts == 1)
        #expect(info.initialAttemptTimestamp == .zero)
        #expect(cycle == 1)
    }

    @Test func popWaitsUntilAPodIsAdded() async throws {
        let queue = SchedulingQueue(clock: ManualClock())
        async let popped = popSoon(queue)
        await queue.add(pendingPod("late"))
        #expect(try await popped.pod.metadata.name == "late")
    }

    @Test func popThrowsCancellationErrorWhenItsTaskIsCancelled() async throws {
        let queue = SchedulingQueue(clock: ManualClock())
        let waiting = Task { try await queue.pop() }
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        #expect(await counts(queue, 0, 0, 0))
    }

    @Test func addingAPodTwiceKeepsOneEntry() async throws {
        let queue = SchedulingQueue(clock: ManualClock())
        await queue.add(pendingPod("web"))
        await queue.add(pendingPod("web", labels: ["app": "web"]))
        #expect(await counts(queue, 1, 0, 0))
        #expect(try await popSoon(queue).pod.metadata.labels == ["app": "web"])
    }

    @Test func runReturnsWhenItsTaskIsCancelled() async throws {
        let queue = SchedulingQueue(clock: ManualClock())
        let running = Task { await queue.run() }
        running.cancel()
        try await withDeadline(seconds: 30) { await running.value }
    }

    @Test func nodeHeartbeatsAloneMoveNothingButUncordoningDoes() {
        var node = Node(metadata: ObjectMeta(name: "node1"))
        node.spec.unschedulable = true
        var heartbeat = node
        heartbeat.metadata.resourceVersion = "2"
        #expect(ClusterEvent.nodeUpdates(old: node, new: heartbeat).isEmpty)
        var uncordoned = node
        uncordoned.spec.unschedulable = false
        #expect(ClusterEvent.nodeUpdates(old: node, new: uncordoned) == [.nodeSpecUnschedulableChange])
        #expect(ClusterEvent.nodeUpdates(old: uncordoned, new: node).isEmpty)
        var labelled = node
        labelled.metadata.labels["disk"] = "ssd"
        #expect(ClusterEvent.nodeUpdates(old: node, new: labelled) == [.nodeLabelChange])
    }

    @Test func aRegisteredEventMatchesTheNarrowerEventsItCovers() {
        let anyNodeUpdate = ClusterEvent(resource: .node, actionType: .update)
        #expect(anyNodeUpdate.matches(.nodeLabelChange))
        #expect(anyNodeUpdate.matches(.nodeSpecUnschedulableChange))
        #expect(!anyNodeUpdate.matches(.nodeAdd))
        #expect(!anyNodeUpdate.matches(.assignedPodDelete))
        #expect(ClusterEvent.unschedulableTimeout.matches(.assignedPodDelete))
    }
}
