// Stage 4 · SchedulerPlugins: a pod's `nodeSelector` and node affinity, as a filter and a score.
//
// `nodeSelector: {disktype: ssd}` and required node affinity terms are rules: a node
// whose labels do not match is out, whatever else happens (unresolvable). Preferred
// terms are wishes with weights: Score adds the weights of the terms a node matches,
// and NormalizeScore scales the sums so the best node gets 100 (weight 2 in the sum).
//
// PreFilter reads a required term on `metadata.name` (how DaemonSets pin their pods)
// and narrows the search to the named nodes, so Filter never looks at the others. A
// pod with no rule skips Filter altogether, and one with no preference skips Score.

import API
import ClusterKinds
import SchedulerFramework

/// PreFilter + Filter on nodeSelector and required terms; PreScore + Score (weight 2) on preferred terms.
public struct NodeAffinity: PreFilterPlugin, FilterPlugin, PreScorePlugin, NormalizeScorePlugin {
    public static let errReasonPod = "node(s) didn't match Pod's node affinity/selector"

    public var name: String { PluginName.nodeAffinity }

    public init() {}

    public func preFilter(_ state: CycleState, _ pod: Pod, _ snapshot: Snapshot) -> (PreFilterResult?, Status) {
        let required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
        if pod.spec.nodeSelector.isEmpty && required == nil { return (nil, Status(.skip)) }
        guard let terms = required?.nodeSelectorTerms, !terms.isEmpty else { return (nil, .success) }
        // Only when every term names nodes can the search be narrowed to them.
        var names: Set<String> = []
        for term in terms {
            let byName = term.matchFields.filter {
                $0.key == NodeSelectorTerm.nodeNameField && $0.operator == .in && $0.values.count == 1
            }
            guard let requirement = byName.first else { return (nil, .success) }
            names.insert(requirement.values[0])
        }
        return (PreFilterResult(nodeNames: names), .success)
    }

    public func filter(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> Status {
        pod.requiredNodeAffinityMatches(nodeInfo.node) ? .success : Status(.unschedulableAndUnresolvable, Self.errReasonPod)
    }

    public func preScore(_ state: CycleState, _ pod: Pod, _ snapshot: Snapshot, _ feasibleNodes: [Int]) -> Status {
        let preferred = pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []
        return preferred.isEmpty ? Status(.skip) : .success
    }

    public func score(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> (Int64, Status) {
        let preferred = pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []
        var count: Int64 = 0
        for term in preferred where term.weight != 0 && term.preference.matches(nodeInfo.node) {
            count += Int64(term.weight)
        }
        return (count, .success)
    }

    public func normalizeScore(_ state: CycleState, _ pod: Pod, _ scores: inout [NodeScore]) -> Status {
        NodeScore.defaultNormalize(&scores, reverse: false)
        return .success
    }
}
