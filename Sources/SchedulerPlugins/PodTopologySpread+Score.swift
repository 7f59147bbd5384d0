// Stage 4 · SchedulerPlugins: ScheduleAnyway spread constraints, as a score that favours the emptier domains.
//
// For each ScheduleAnyway constraint, a node's raw score is the number of matching
// pods in its domain, weighted by log(number of domains + 2) so that constraints over
// many domains count more, plus maxSkew − 1. Fewer pods is better, so NormalizeScore
// turns the raw scores around: the node with the fewest gets 100. Feasible nodes that
// lack a constraint's key are "ignored" and score 0. (Kubernetes' scoring.go.)

import API
import ClusterKinds
import Foundation
import SchedulerFramework

extension PodTopologySpread: PreScorePlugin, NormalizeScorePlugin {
    struct PreScoreState: Sendable {
        var constraints: [Constraint]
        var ignoredNodes: Set<String>
        var podCounts: [TopologyPair: Int]
        var normalizingWeights: [Double]
    }

    public func preScore(_ state: CycleState, _ pod: Pod, _ snapshot: Snapshot, _ feasibleNodes: [Int])
        -> SchedulerFramework.Status {
        let constraints = Self.constraints(of: pod, .scheduleAnyway)
        if constraints.isEmpty { return SchedulerFramework.Status(.skip) }
        var ignored: Set<String> = []
        var podCounts: [TopologyPair: Int] = [:]
        for index in feasibleNodes {
            let node = snapshot.nodeInfoList[index].node
            let labels = node.metadata.labels
            guard constraints.allSatisfy({ labels[$0.topologyKey] != nil }) else {
                ignored.insert(node.metadata.name)
                continue
            }
            for constraint in constraints where constraint.topologyKey != Self.hostnameLabel {
                podCounts[TopologyPair(key: constraint.topologyKey, value: labels[constraint.topologyKey]!)] = 0
            }
        }
        for nodeInfo in snapshot.nodeInfoList where Self.counts(nodeInfo.node, for: pod, constraints) {
            for constraint in constraints where constraint.topologyKey != Self.hostnameLabel {
                let pair = TopologyPair(key: constraint.topologyKey, value: nodeInfo.node.metadata.labels[constraint.topologyKey]!)
                guard podCounts[pair] != nil else { continue }
                podCounts[pair]! += Self.countMatching(nodeInfo, constraint, pod)
            }
        }
        let weights = constraints.map { constraint -> Double in
            let size = constraint.topologyKey == Self.hostnameLabel
                ? feasibleNodes.count - ignored.count
                : podCounts.keys.filter { $0.key == constraint.topologyKey }.count
            return log(Double(size + 2))
        }
        state.write(PluginName.scoreStateKey.podTopologySpread,
                    PreScoreState(constraints: constraints, ignoredNodes: ignored, podCounts: podCounts,
                                  normalizingWeights: weights))
        return .success
    }

    static func countMatching(_ nodeInfo: NodeInfo, _ constraint: Constraint, _ pod: Pod) -> Int {
        nodeInfo.pods.reduce(0) { $0 + (constraint.matches($1.pod, namespace: pod.metadata.namespace) ? 1 : 0) }
    }

    public func score(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> (Int64, SchedulerFramework.Status) {
        guard let preScore = state.read(PluginName.scoreStateKey.podTopologySpread, as: PreScoreState.self) else {
            return (0, .error("reading \"PreScore\(name)\" from cycleState: not found"))
        }
        if preScore.ignoredNodes.contains(nodeInfo.name) { return (0, .success) }
        let labels = nodeInfo.node.metadata.labels
        var score = 0.0
        for (position, constraint) in preScore.constraints.enumerated() {
            guard let value = labels[constraint.topologyKey] else { continue }
            let count = constraint.topologyKey == Self.hostnameLabel
                ? Self.countMatching(nodeInfo, constraint, pod)
                : preScore.podCounts[TopologyPair(key: constraint.topologyKey, value: value)] ?? 0
            score += Double(count) * preScore.normalizingWeights[position] + Double(constraint.maxSkew - 1)
        }
        return (Int64(score.rounded()), .success)
    }

    public func normalizeScore(_ state: CycleState, _ pod: Pod, _ scores: inout [NodeScore]) -> SchedulerFramework.Status {
        guard let preScore = state.read(PluginName.scoreStateKey.podTopologySpread, as: PreScoreState.self) else {
            return .error("reading \"PreScore\(name)\" from cycleState: not found")
        }
        var minScore = Int64.max
        var maxScore: Int64 = 0
        for score in scores where !preScore.ignoredNodes.contains(score.name) {
            minScore = min(minScore, score.score)
            maxScore = max(maxScore, score.score)
        }
        for i in scores.indices {
            if preScore.ignoredNodes.contains(scores[i].name) {
                scores[i].score = 0
            } else if maxScore == 0 {
                scores[i].score = NodeScore.maxNodeScore
            } else {
                scores[i].score = NodeScore.maxNodeScore * (maxScore + minScore - scores[i].score) / maxScore
            }
        }
        return .success
    }
}
