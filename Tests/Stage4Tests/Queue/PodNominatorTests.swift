// Stage 4 · Scheduler tests: nominations follow the pod's updates and end with it.

import API
@testable import Scheduler
import Testing

@Suite struct PodNominatorTests {
    @Test func aNominationIsKeptPerNodeAndMovesWhenRenominated() async {
        let queue = SchedulingQueue(clock: ManualClock())
        let preemptor = pendingPod("preemptor", priority: 1000)
        await queue.addNominatedPod(preemptor, nodeName: "node1")
        #expect(await queue.nominatedPods(forNode: "node1").map(\.metadata.name) == ["preemptor"])
        await queue.addNominatedPod(preemptor, nodeName: "node2")
        #expect(await queue.nominatedPods(forNode: "node1").isEmpty)
        #expect(await queue.nominatedNodeName(of: preemptor) == "node2")
        await queue.addNominatedPod(preemptor, nodeName: "")
        #expect(await queue.nominatedNodeName(of: preemptor) == nil)
    }

    @Test func anUpdateReplacesTheNominatedCopyAndADeleteEndsIt() async {
        let queue = SchedulingQueue(clock: ManualClock())
        let preemptor = pendingPod("preemptor", priority: 1000)
        await queue.add(preemptor)
        await queue.addNominatedPod(preemptor, nodeName: "node1")
        let relabelled = pendingPod("preemptor", priority: 1000, labels: ["v": "2"])
        await queue.update(old: preemptor, new: relabelled)
        #expect(await queue.nominatedPods(forNode: "node1").map(\.metadata.labels) == [["v": "2"]])
        await queue.delete(relabelled)
        #expect(await queue.nominatedPods(forNode: "node1").isEmpty)
    }
}
