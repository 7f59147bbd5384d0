// Stage 4 · SchedulerFramework tests: node sampling, round-robin starts, weighted scores, and FitError's words.

import API
import ClusterKinds
import SchedulerFramework
import SchedulerPlugins
import Synchronization
import Testing

/// A filter that passes every node and remembers the order it saw them in.
final class RecordingFilter: FilterPlugin {
    let name = "RecordingFilter"
    let seen = Mutex<[String]>([])
    func filter(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> Status {
        seen.withLock { $0.append(nodeInfo.name) }
        return .success
    }
}

/// A score plugin that returns fixed raw scores by node name.
struct FixedScore: ScorePlugin {
    let name: String
    let raw: [String: Int64]
    func score(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> (Int64, Status) { (raw[nodeInfo.name] ?? 0, .success) }
}

/// Like FixedScore, then normalised so the highest becomes 100.
struct NormalizedScore: NormalizeScorePlugin {
    let name: String
    let raw: [String: Int64]
    func score(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> (Int64, Status) { (raw[nodeInfo.name] ?? 0, .success) }
    func normalizeScore(_ state: CycleState, _ pod: Pod, _ scores: inout [NodeScore]) -> Status {
        NodeScore.defaultNormalize(&scores, reverse: false)
        return .success
    }
}

@Suite struct SchedulingAlgorithmTests {
    @Test(arguments: [
        (percentage: Int32(0), nodes: Int32(50), expected: Int32(50)),
        (0, 99, 99),
        (0, 100, 100),
        (0, 1000, 420),    // 50 − 1000/125 = 42%
        (0, 5000, 500),    // 50 − 40 = 10%
        (0, 6000, 300),    // 50 − 48 = 2%, raised to the 5% floor
        (30, 1000, 300),
        (10, 200, 100),    // 20 found would be fewer than 100
        (100, 5000, 5000),
    ])
    func numFeasibleNodesToFindFollowsKubernetes(percentage: Int32, nodes: Int32, expected: Int32) {
        #expect(SchedulingAlgorithm.numFeasibleNodesToFind(percentageOfNodesToScore: percentage, numAllNodes: nodes) == expected)
    }

    @Test func filteringStopsAtEnoughFeasibleNodesAndTheNextPodStartsWhereItStopped() async throws {
        let recorder = RecordingFilter()
        let framework = Framework(plugins: [recorder], scoreWeights: [:], handle: RecordingHandle())
        let algorithm = SchedulingAlgorithm(framework: framework)
        let snapshot = Snapshot(nodes: (0..<1000).map { makeNode("n\($0)") })
        let first = try await algorithm.schedulePod(makePod("a"), state: CycleState(), snapshot: snapshot)
        #expect(first.evaluatedNodes == 420 && first.feasibleNodes == 420)
        recorder.seen.withLock { $0.removeAll() }
        _ = try await algorithm.schedulePod(makePod("b"), state: CycleState(), snapshot: snapshot)
        let seen = recorder.seen.withLock { $0 }
        #expect(seen.count == 420)
        #expect(seen.first == "n420")
    }

    @Test func scoresAreWeightedAndSummedAndTheBestNodeWins() async throws {
        let framework = Framework(
            plugins: [FixedScore(name: "A", raw: ["n1": 10, "n2": 50, "n3": 30]),
                      NormalizedScore(name: "B", raw: ["n1": 4, "n2": 1, "n3": 2])],
            scoreWeights: ["A": 1, "B": 2], handle: RecordingHandle())
        let snapshot = Snapshot(nodes: [makeNode("n1"), makeNode("n2"), makeNode("n3")])
        let (totals, status) = framework.runScorePlugins(CycleState(), makePod("p"), snapshot, [0, 1, 2])
        #expect(status.isSuccess)
        // B normalised: 100, 25, 50; times 2, plus A.
        #expect(totals.map(\.score) == [210, 100, 130])
        let result = try await SchedulingAlgorithm(framework: framework)
            .schedulePod(makePod("p"), state: CycleState(), snapshot: snapshot)
        #expect(result.suggestedHost == "n1")
    }

    @Test func aScoreOutsideZeroToAHundredFailsTheCycle() {
        let framework = Framework(plugins: [FixedScore(name: "Wild", raw: ["n1": 101])], scoreWeights: [:],
                                  handle: RecordingHandle())
        let snapshot = Snapshot(nodes: [makeNode("n1")])
        let (_, status) = framework.runScorePlugins(CycleState(), makePod("p"), snapshot, [0])
        #expect(status.code == .error)
        #expect(status.message == "plugin \"Wild\" returns an invalid score 101, it should in the range of [0, 100] after normalizing")
    }

    @Test func tiesAreBrokenAmongTheBestOnly() {
        let scores = [NodeScore(name: "a", score: 5), NodeScore(name: "b", score: 9), NodeScore(name: "c", score: 9)]
        let picks = Set((0..<200).map { _ in SchedulingAlgorithm.selectHost(scores) })
        #expect(picks == ["b", "c"])
    }

    @Test func theIssuesExampleReadsAsKubernetesWritesIt() async throws {
        let framework = DefaultPlugins.framework(handle: RecordingHandle())
        let gpu = Taint(key: "dedicated", value: "gpu", effect: .noSchedule)
        let snapshot = Snapshot(nodes: [makeNode("node1", cpu: "1"), makeNode("node2", taints: [gpu]),
                                        makeNode("node3", taints: [gpu])])
        let error = await #expect(throws: FitError.self) {
            _ = try await SchedulingAlgorithm(framework: framework)
                .schedulePod(makePod("big", cpu: "2"), state: CycleState(), snapshot: snapshot)
        }
        #expect(error?.description == "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint {dedicated: gpu}.")
        #expect(error?.diagnosis.unschedulablePlugins == ["NodeResourcesFit", "TaintToleration"])
    }

    @Test func preemptionsMessageFollowsTheFitErrorsAsInKubernetes() async throws {
        let framework = DefaultPlugins.framework(handle: RecordingHandle())
        let snapshot = Snapshot(nodes: [makeNode("n1", cpu: "1"), makeNode("n2", cpu: "1"), makeNode("n3", cpu: "1")])
        let pod = makePod("big", cpu: "2")
        let state = CycleState()
        do {
            _ = try await SchedulingAlgorithm(framework: framework).schedulePod(pod, state: state, snapshot: snapshot)
            Issue.record("the pod should fit nowhere")
        } catch var fitError as FitError {
            let (nominated, status) = await framework.runPostFilterPlugins(state, pod, fitError.diagnosis.nodeToStatus, snapshot)
            fitError.postFilterMessage = status.message
            #expect(nominated == "")
            #expect(status.code == .unschedulable)
            #expect(fitError.description == "0/3 nodes are available: 3 Insufficient cpu. "
                + "preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..")
        }
    }

    @Test func aPreFilterRejectionIsTheWholeMessage() {
        var diagnosis = Diagnosis()
        diagnosis.preFilterMessage = "node(s) didn't satisfy plugin(s) [NodeAffinity] simultaneously"
        diagnosis.nodeToStatus.absentNodesStatus = Status(.unschedulableAndUnresolvable, diagnosis.preFilterMessage)
        let error = FitError(pod: makePod("p"), numAllNodes: 2, diagnosis: diagnosis)
        #expect(error.description == "0/2 nodes are available: node(s) didn't satisfy plugin(s) [NodeAffinity] simultaneously.")
    }

    @Test func noNodesIsNotAFitError() async {
        let algorithm = SchedulingAlgorithm(framework: DefaultPlugins.framework(handle: RecordingHandle()))
        await #expect(throws: SchedulingError.noNodesAvailable) {
            _ = try await algorithm.schedulePod(makePod("p"), state: CycleState(), snapshot: Snapshot())
        }
    }

    @Test func theDefaultProfileRegistersKubernetesPluginsAtEachPointWithItsWeights() {
        let framework = DefaultPlugins.framework(handle: RecordingHandle())
        #expect(framework.pluginNames["Filter"] == ["NodeUnschedulable", "NodeName", "TaintToleration", "NodeAffinity",
                                                   "NodePorts", "NodeResourcesFit", "PodTopologySpread", "InterPodAffinity"])
        #expect(framework.pluginNames["Score"] == ["TaintToleration", "NodeAffinity", "NodeResourcesFit", "PodTopologySpread",
                                                  "InterPodAffinity", "NodeResourcesBalancedAllocation"])
        #expect(framework.pluginNames["PostFilter"] == ["DefaultPreemption"])
        #expect(framework.pluginNames["Bind"] == ["DefaultBinder"])
        #expect(framework.pluginNames["QueueSort"] == ["PrioritySort"])
        #expect(framework.scoreWeights == ["TaintToleration": 3, "NodeAffinity": 2, "NodeResourcesFit": 1,
                                           "PodTopologySpread": 2, "InterPodAffinity": 2, "NodeResourcesBalancedAllocation": 1])
    }

    @Test func theDefaultProfileSpreadsPodsOverEqualNodes() async throws {
        let cache = SchedulerCache()
        for name in ["node1", "node2", "node3"] { await cache.addNode(makeNode(name, cpu: "2", memory: "4Gi")) }
        let algorithm = SchedulingAlgorithm(framework: DefaultPlugins.framework(handle: RecordingHandle()))
        var snapshot = Snapshot()
        var placed: [String: Int] = [:]
        for index in 0..<6 {
            await cache.updateSnapshot(&snapshot)
            var pod = makePod("web-\(index)", cpu: "500m", memory: "512Mi")
            let result = try await algorithm.schedulePod(pod, state: CycleState(), snapshot: snapshot)
            pod.spec.nodeName = result.suggestedHost
            try await cache.assumePod(pod)
            placed[result.suggestedHost, default: 0] += 1
        }
        #expect(placed == ["node1": 2, "node2": 2, "node3": 2])
    }
}

@Suite struct NominatedPodsTests {
    @Test func roomPromisedToANominatedPodOfHigherPriorityIsNotTaken() async throws {
        var snapshot = Snapshot(nodes: [makeNode("n1", cpu: "2"), makeNode("n2", cpu: "2")])
        snapshot.nominatedPods = ["n1": [PodInfo(makePod("preemptor", cpu: "2", priority: 1000))]]
        let algorithm = SchedulingAlgorithm(framework: DefaultPlugins.framework(handle: RecordingHandle()))
        for _ in 0..<10 {
            let result = try await algorithm.schedulePod(makePod("low", cpu: "1", priority: 1), state: CycleState(),
                                                         snapshot: snapshot)
            #expect(result.suggestedHost == "n2")
        }
        // The nominated pod itself, and pods that outrank it, are not held back by it.
        let preemptor = try await algorithm.schedulePod(makePod("preemptor", cpu: "2", priority: 1000), state: CycleState(),
                                                        snapshot: snapshot)
        #expect(preemptor.feasibleNodes == 2)
    }
}
