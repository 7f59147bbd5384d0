// Stage 4 · SchedulerPlugins: preferred pod (anti-)affinity, as a score per topology domain.
//
// Every pair of (newcomer, existing pod) can add to or take from a domain's score: the
// newcomer's preferred affinity terms that match the existing pod add their weight to
// the existing pod's domain, its preferred anti-affinity terms subtract theirs, and the
// same for the existing pod's terms that match the newcomer (its *required* affinity
// adds `hardPodAffinityWeight`). A node scores the sum over its domains; NormalizeScore
// maps the lowest to 0 and the highest to 100. When the newcomer has no preferred terms,
// only nodes with affinity pods can contribute, so only those are walked.

import API
import SchedulerFramework

extension InterPodAffinity: PreScorePlugin, NormalizeScorePlugin {
    struct PreScoreState: Sendable {
        /// topologyKey → value → score.
        var topologyScore: [String: [String: Int64]]
    }

    public func preScore(_ state: CycleState, _ pod: Pod, _ snapshot: Snapshot, _ feasibleNodes: [Int]) -> Status {
        let podInfo = PodInfo(pod)
        let hasPreferred = !podInfo.preferredAffinityTerms.isEmpty || !podInfo.preferredAntiAffinityTerms.isEmpty
        if !hasPreferred && snapshot.havePodsWithAffinityNodeInfoList.isEmpty { return Status(.skip) }
        var topologyScore: [String: [String: Int64]] = [:]
        func add(_ term: AffinityTerm, _ labels: [String: String], _ weight: Int64) {
            if let value = labels[term.topologyKey] { topologyScore[term.topologyKey, default: [:]][value, default: 0] += weight }
        }
        let indices = hasPreferred ? Array(snapshot.nodeInfoList.indices) : snapshot.havePodsWithAffinityNodeInfoList
        for index in indices {
            let nodeInfo = snapshot.nodeInfoList[index]
            let labels = nodeInfo.node.metadata.labels
            for existing in hasPreferred ? nodeInfo.pods : nodeInfo.podsWithAffinity {
                for weighted in podInfo.preferredAffinityTerms where weighted.term.matches(existing.pod) {
                    add(weighted.term, labels, Int64(weighted.weight))
                }
                for weighted in podInfo.preferredAntiAffinityTerms where weighted.term.matches(existing.pod) {
                    add(weighted.term, labels, -Int64(weighted.weight))
                }
                for term in existing.requiredAffinityTerms where term.matches(pod) {
                    add(term, labels, Self.hardPodAffinityWeight)
                }
                for weighted in existing.preferredAffinityTerms where weighted.term.matches(pod) {
                    add(weighted.term, labels, Int64(weighted.weight))
                }
                for weighted in existing.preferredAntiAffinityTerms where weighted.term.matches(pod) {
                    add(weighted.term, labels, -Int64(weighted.weight))
                }
            }
        }
        state.write(PluginName.scoreStateKey.interPodAffinity, PreScoreState(topologyScore: topologyScore))
        return .success
    }

    public func score(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> (Int64, Status) {
        guard let preScore = state.read(PluginName.scoreStateKey.interPodAffinity, as: PreScoreState.self) else {
            return (0, .error("reading \"PreScore\(name)\" from cycleState: not found"))
        }
        var score: Int64 = 0
        for (key, values) in preScore.topologyScore {
            if let value = nodeInfo.node.metadata.labels[key] { score += values[value] ?? 0 }
        }
        return (score, .success)
    }

    public func normalizeScore(_ state: CycleState, _ pod: Pod, _ scores: inout [NodeScore]) -> Status {
        guard let preScore = state.read(PluginName.scoreStateKey.interPodAffinity, as: PreScoreState.self) else {
            return .error("reading \"PreScore\(name)\" from cycleState: not found")
        }
        if preScore.topologyScore.isEmpty { return .success }
        let minCount = scores.map(\.score).min() ?? 0
        let maxCount = scores.map(\.score).max() ?? 0
        let difference = maxCount - minCount
        for i in scores.indices {
            scores[i].score = difference > 0
                ? Int64(Double(NodeScore.maxNodeScore) * Double(scores[i].score - minCount) / Double(difference))
                : 0
        }
        return .success
    }
}
