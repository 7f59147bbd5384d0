// Stage 4 · SchedulerPlugins: taints keep pods away unless they tolerate them.
//
// `kubectl taint node n1 dedicated=gpu:NoSchedule` reserves a node: only pods with a
// matching toleration may be scheduled there. NoExecute also evicts running pods (the
// node lifecycle's business); for scheduling it counts as NoSchedule. PreferNoSchedule
// is a wish, not a rule: Score counts the PreferNoSchedule taints a pod does not
// tolerate, and NormalizeScore turns the count around so that fewer is better.
//
// The filter names the first untolerated taint in the message users read:
// `node(s) had untolerated taint {dedicated: gpu}`.

import API
import ClusterKinds
import SchedulerFramework

/// Filter on NoSchedule/NoExecute taints; Score (weight 3) against untolerated PreferNoSchedule ones.
public struct TaintToleration: FilterPlugin, PreScorePlugin, NormalizeScorePlugin {
    public var name: String { PluginName.taintToleration }

    public init() {}

    public func filter(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> Status {
        for taint in nodeInfo.node.spec.taints where taint.effect == .noSchedule || taint.effect == .noExecute {
            if !pod.spec.tolerations.tolerate(taint) {
                return Status(.unschedulableAndUnresolvable, "node(s) had untolerated taint {\(taint.key): \(taint.value)}")
            }
        }
        return .success
    }

    /// The tolerations that can matter for PreferNoSchedule taints, once per pod.
    struct PreScoreState: Sendable {
        var tolerationsPreferNoSchedule: [Toleration]
    }

    public func preScore(_ state: CycleState, _ pod: Pod, _ snapshot: Snapshot, _ feasibleNodes: [Int]) -> Status {
        let tolerations = pod.spec.tolerations.filter { $0.effect == nil || $0.effect == .preferNoSchedule }
        state.write(name, PreScoreState(tolerationsPreferNoSchedule: tolerations))
        return .success
    }

    public func score(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> (Int64, Status) {
        guard let preScore = state.read(name, as: PreScoreState.self) else {
            return (0, .error("reading \"PreScore\(name)\" from cycleState: not found"))
        }
        var intolerable: Int64 = 0
        for taint in nodeInfo.node.spec.taints where taint.effect == .preferNoSchedule {
            if !preScore.tolerationsPreferNoSchedule.tolerate(taint) { intolerable += 1 }
        }
        return (intolerable, .success)
    }

    public func normalizeScore(_ state: CycleState, _ pod: Pod, _ scores: inout [NodeScore]) -> Status {
        NodeScore.defaultNormalize(&scores, reverse: true)
        return .success
    }
}
