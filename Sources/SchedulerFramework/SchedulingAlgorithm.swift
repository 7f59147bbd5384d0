// Stage 4 · SchedulerFramework: choosing a node for one pod (Kubernetes' schedule_one.go, schedulePod).
//
//     PreFilter ─► Filter, node by node, until enough feasible nodes are found
//               ─► PreScore ─► Score + NormalizeScore ─► weighted sum ─► the best (random among equals)
//
// In a big cluster, checking every node for every pod is wasted work: any of the first
// few hundred feasible nodes is a good place. So Filter stops once it has found
// `numFeasibleNodesToFind` of them (all nodes below 100; at 5,000 nodes, 10%), and
// the next pod starts where this one stopped (`nextStartNodeIndex`), so every node
// gets its turn. When nothing fits, `schedulePod` throws a FitError whose message
// counts why each node said no; the caller then runs PostFilter (preemption).

import API
import Synchronization

/// Picks the node for a pod: filtering with node sampling, scoring, and a random choice among the best.
public final class SchedulingAlgorithm: Sendable {
    /// Below this many nodes, every node is checked; and at least this many feasible nodes are sought.
    public static let minFeasibleNodesToFind: Int32 = 100
    /// The adaptive percentage of nodes to check never falls below this.
    public static let minFeasibleNodesPercentageToFind: Int32 = 5
    /// The adaptive percentage starts here and falls by one for every `adaptiveNodesPerPercent` nodes.
    public static let basePercentageOfNodesToScore: Int32 = 50
    public static let adaptiveNodesPerPercent: Int32 = 125

    public let framework: Framework
    /// Where the next pod's Filter pass starts in the node list; guarded by its Mutex.
    private let nextStartNodeIndex = Mutex(0)

    public init(framework: Framework) {
        self.framework = framework
    }

    /// How many feasible nodes to look for among `numAllNodes` (Kubernetes' numFeasibleNodesToFind).
    public func numFeasibleNodesToFind(numAllNodes: Int32) -> Int32 {
        Self.numFeasibleNodesToFind(percentageOfNodesToScore: framework.percentageOfNodesToScore, numAllNodes: numAllNodes)
    }

    public static func numFeasibleNodesToFind(percentageOfNodesToScore: Int32, numAllNodes: Int32) -> Int32 {
        if numAllNodes < minFeasibleNodesToFind { return numAllNodes }
        var percentage = percentageOfNodesToScore
        if percentage <= 0 {
            percentage = max(basePercentageOfNodesToScore - numAllNodes / adaptiveNodesPerPercent,
                             minFeasibleNodesPercentageToFind)
        }
        if percentage >= 100 { return numAllNodes }
        let numNodes = Int32((Int64(numAllNodes) * Int64(percentage)) / 100)
        return max(numNodes, minFeasibleNodesToFind)
    }

    /// Chooses the node for `pod`; throws FitError when no node passes Filter.
    public func schedulePod(_ pod: Pod, state: CycleState, snapshot: Snapshot) async throws -> ScheduleResult {
        guard !snapshot.nodeInfoList.isEmpty else { throw SchedulingError.noNodesAvailable }
        let (feasible, diagnosis) = try findNodesThatFitPod(pod, state: state, snapshot: snapshot)
        if feasible.isEmpty {
            throw FitError(pod: pod, numAllNodes: snapshot.nodeInfoList.count, diagnosis: diagnosis)
        }
        let evaluated = feasible.count + diagnosis.nodeToStatus.count
        if feasible.count == 1 {
            return ScheduleResult(suggestedHost: snapshot.nodeInfoList[feasible[0]].name,
                                  evaluatedNodes: 1 + diagnosis.nodeToStatus.count, feasibleNodes: 1)
        }
        let scores = try prioritizeNodes(pod, state: state, snapshot: snapshot, feasible: feasible)
        return ScheduleResult(suggestedHost: Self.selectHost(scores), evaluatedNodes: evaluated,
                              feasibleNodes: feasible.count)
    }

    /// PreFilter, then Filter over the nodes from `nextStartNodeIndex`; the feasible nodes' indices.
    func findNodesThatFitPod(_ pod: Pod, state: CycleState, snapshot: Snapshot) throws -> ([Int], Diagnosis) {
        var diagnosis = Diagnosis()
        let (preFilterResult, status) = framework.runPreFilterPlugins(state, pod, snapshot)
        if !status.isSuccess {
            guard status.isRejected else { throw SchedulingError.plugin(status) }
            diagnosis.nodeToStatus.absentNodesStatus = status
            diagnosis.preFilterMessage = status.message
            if !status.plugin.isEmpty { diagnosis.unschedulablePlugins.insert(status.plugin) }
            return ([], diagnosis)
        }
        var candidates: [Int]? = nil
        if let names = preFilterResult?.nodeNames {
            candidates = names.compactMap { snapshot.index(ofNodeNamed: $0) }.sorted()
        }
        let feasible = try findNodesThatPassFilters(pod, state: state, snapshot: snapshot, candidates: candidates,
                                                    diagnosis: &diagnosis)
        return (feasible, diagnosis)
    }

    private func findNodesThatPassFilters(_ pod: Pod, state: CycleState, snapshot: Snapshot, candidates: [Int]?,
                                          diagnosis: inout Diagnosis) throws -> [Int] {
        let numAllNodes = candidates?.count ?? snapshot.nodeInfoList.count
        guard numAllNodes > 0 else { return [] }
        let numNodesToFind = Int(numFeasibleNodesToFind(numAllNodes: Int32(numAllNodes)))
        let start = nextStartNodeIndex.withLock { $0 } % numAllNodes
        var feasible: [Int] = []
        feasible.reserveCapacity(numNodesToFind)
        let plugins = framework.activeFilterPlugins(state)
        var processed = 0
        if plugins.isEmpty {
            for offset in 0..<min(numNodesToFind, numAllNodes) {
                let position = (start + offset) % numAllNodes
                feasible.append(candidates?[position] ?? position)
            }
            processed = feasible.count
        } else {
            for offset in 0..<numAllNodes {
                let position = (start + offset) % numAllNodes
                let nodeIndex = candidates?[position] ?? position
                let nodeInfo = snapshot.nodeInfoList[nodeIndex]
                let status = snapshot.nominatedPods.isEmpty
                    ? Framework.runFilterPlugins(plugins, state, pod, nodeInfo)
                    : framework.runFilterPluginsWithNominatedPods(state, pod, nodeInfo,
                                                                  nominated: snapshot.nominatedPods[nodeInfo.name] ?? [])
                processed += 1
                if status.isSuccess {
                    feasible.append(nodeIndex)
                    if feasible.count >= numNodesToFind { break }
                } else if status.isRejected {
                    diagnosis.nodeToStatus[snapshot.nodeInfoList[nodeIndex].name] = status
                    diagnosis.unschedulablePlugins.insert(status.plugin)
                } else {
                    throw SchedulingError.plugin(status)
                }
            }
        }
        nextStartNodeIndex.withLock { $0 = ($0 + processed) % numAllNodes }
        return feasible
    }

    /// PreScore and Score over the feasible nodes: each node's weighted total.
    func prioritizeNodes(_ pod: Pod, state: CycleState, snapshot: Snapshot, feasible: [Int]) throws -> [NodeScore] {
        guard framework.hasScorePlugins else {
            return feasible.map { NodeScore(name: snapshot.nodeInfoList[$0].name, score: 1) }
        }
        let preScore = framework.runPreScorePlugins(state, pod, snapshot, feasible)
        guard preScore.isSuccess else { throw SchedulingError.plugin(preScore) }
        let (scores, status) = framework.runScorePlugins(state, pod, snapshot, feasible)
        guard status.isSuccess else { throw SchedulingError.plugin(status) }
        return scores
    }

    /// The highest-scoring node; among equals each is equally likely (reservoir sampling, as Kubernetes).
    public static func selectHost(_ scores: [NodeScore]) -> String {
        // One system random number per pod seeds a cheap generator: asking the system
        // for each tie (hundreds when nodes are alike) was a measurable share of a cycle.
        var random = SplitMix64(seed: UInt64.random(in: .min ... .max))
        var best = ""
        var bestScore = Int64.min
        var ties = 0
        for score in scores {
            if score.score > bestScore {
                best = score.name
                bestScore = score.score
                ties = 1
            } else if score.score == bestScore {
                ties += 1
                if Int.random(in: 0..<ties, using: &random) == 0 { best = score.name }
            }
        }
        return best
    }
}

/// A small, fast pseudo-random generator (SplitMix64) for tie-breaking; not for secrets.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
