// Stage 4 · SchedulerPlugins tests: NodeResourcesFit's filter and LeastAllocated score, BalancedAllocation.

import API
import ClusterKinds
import SchedulerFramework
import SchedulerPlugins
import Testing

@Suite struct NodeResourcesTests {
    @Test(arguments: [
        (cpu: "1", memory: "1Gi", gpu: nil as String?, reasons: [String]()),
        ("3500m", "1Gi", nil, ["Insufficient cpu"]),
        ("3500m", "7Gi", nil, ["Insufficient cpu", "Insufficient memory"]),
        ("500m", "7Gi", nil, ["Insufficient memory"]),
        ("500m", "1Gi", "1", []),
        ("500m", "1Gi", "2", ["Insufficient nvidia.com/gpu"]),
    ])
    func filterNamesEveryResourceThatDoesNotFit(cpu: String, memory: String, gpu: String?, reasons: [String]) {
        let node = makeNode("n1", cpu: "4", memory: "8Gi", extended: ["nvidia.com/gpu": "2"])
        let existing = makePod("existing", cpu: "1", memory: "2Gi", extended: ["nvidia.com/gpu": "1"], node: "n1")
        let snapshot = Snapshot(nodes: [node], pods: [existing])
        let pod = makePod("p", cpu: cpu, memory: memory, extended: gpu.map { ["nvidia.com/gpu": $0] } ?? [:])
        let status = filterStatuses(NodeResourcesFit(), pod, snapshot)[0]
        #expect(status.reasons == reasons)
        #expect(status.code == (reasons.isEmpty ? .success : .unschedulable))
    }

    @Test func aFullNodeHasTooManyPodsEvenForAPodThatRequestsNothing() {
        let snapshot = Snapshot(nodes: [makeNode("n1", pods: 1)], pods: [makePod("existing", node: "n1")])
        #expect(filterStatuses(NodeResourcesFit(), makePod("p"), snapshot) == [Status(.unschedulable, "Too many pods")])
    }

    @Test func leastAllocatedPrefersTheEmptierNode() {
        // Node 4 cores / 8Gi. Pod 1 core / 2Gi.
        // empty: cpu (4000-1000)*100/4000 = 75, memory (8-2)*100/8 = 75 → 75
        // half:  cpu (4000-3000)*100/4000 = 25, memory (8-6)*100/8 = 25 → 25
        let snapshot = Snapshot(nodes: [makeNode("empty"), makeNode("half")],
                                pods: [makePod("existing", cpu: "2", memory: "4Gi", node: "half")])
        #expect(scores(NodeResourcesFit(), makePod("p", cpu: "1", memory: "2Gi"), snapshot) == [75, 25])
    }

    @Test func leastAllocatedCountsPodsWithoutRequestsAtTheDefaults() {
        // 100m of 1000m → 90; 200Mi of 1000Mi → 80; average 85.
        let snapshot = Snapshot(nodes: [makeNode("n1", cpu: "1", memory: "1000Mi")])
        #expect(scores(NodeResourcesFit(), makePod("p"), snapshot) == [85])
    }

    @Test func balancedAllocationPrefersEqualCpuAndMemoryShares() {
        // balanced: cpu 2/4 = .5, memory 4/8 = .5 → 100
        // lopsided: cpu 3/4 = .75, memory 2/8 = .25 → (1 − .25) × 100 = 75
        let snapshot = Snapshot(nodes: [makeNode("balanced"), makeNode("lopsided")],
                                pods: [makePod("e", cpu: "1", memory: "2Gi", node: "balanced"),
                                       makePod("f", cpu: "2", memory: "0", node: "lopsided")])
        let pod = makePod("p", cpu: "1", memory: "2Gi")
        let result = scores(NodeResourcesBalancedAllocation(), pod, snapshot)
        #expect(result == [100, 75])
    }
}
