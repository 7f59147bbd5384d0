// Stage 4 · SchedulerPlugins: keeps pods off a cordoned node.
//
// `kubectl cordon` sets `spec.unschedulable`, and the node lifecycle adds the taint
// `node.kubernetes.io/unschedulable:NoSchedule` to say the same. A pod that tolerates
// that taint (a DaemonSet's pods do) may still land there; no other pod may, and
// evicting pods would not change that, so the rejection is unresolvable.

import API
import ClusterKinds
import SchedulerFramework

/// Filter: rejects nodes with `spec.unschedulable` unless the pod tolerates the unschedulable taint.
public struct NodeUnschedulable: FilterPlugin {
    public static let errReasonUnschedulable = "node(s) were unschedulable"
    /// The taint that stands for a cordon (Kubernetes' TaintNodeUnschedulable).
    public static let taintNodeUnschedulable = "node.kubernetes.io/unschedulable"

    public var name: String { PluginName.nodeUnschedulable }

    public init() {}

    public func filter(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> Status {
        guard nodeInfo.node.spec.unschedulable else { return .success }
        let cordon = Taint(key: Self.taintNodeUnschedulable, effect: .noSchedule)
        if pod.spec.tolerations.contains(where: { $0.tolerates(cordon) }) { return .success }
        return Status(.unschedulableAndUnresolvable, Self.errReasonUnschedulable)
    }
}
