// Stage 4 · SchedulerPlugins: a pod that names its node runs there or nowhere.
//
// A pod created with `spec.nodeName` is normally bound already and never reaches the
// scheduler; this filter covers the rest (the field set with a scheduler name).

import API
import SchedulerFramework

/// Filter: only the node the pod names, if it names one.
public struct NodeName: FilterPlugin {
    public static let errReason = "node(s) didn't match the requested node name"

    public var name: String { PluginName.nodeName }

    public init() {}

    public func filter(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> Status {
        if pod.spec.nodeName.isEmpty || pod.spec.nodeName == nodeInfo.name { return .success }
        return Status(.unschedulableAndUnresolvable, Self.errReason)
    }
}
