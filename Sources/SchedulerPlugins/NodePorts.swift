// Stage 4 · SchedulerPlugins: two pods cannot hold the same host port on one node.
//
// PreFilter collects the pod's host ports once; a pod with none (almost every pod)
// skips the filter entirely. Filter then checks them against the ports the node's
// pods already hold (NodeInfo keeps that list). Evicting the holder would free the
// port, so the rejection is resolvable: preemption may help.

import API
import SchedulerFramework

/// PreFilter + Filter: the pod's host ports must be free on the node.
public struct NodePorts: PreFilterPlugin, FilterPlugin {
    public static let errReason = "node(s) didn't have free ports for the requested pod ports"

    public var name: String { PluginName.nodePorts }

    public init() {}

    struct PreFilterState: Sendable {
        var ports: [HostPort]
    }

    public func preFilter(_ state: CycleState, _ pod: Pod, _ snapshot: Snapshot) -> (PreFilterResult?, Status) {
        let ports = HostPort.of(pod)
        if ports.isEmpty { return (nil, Status(.skip)) }
        state.write(name, PreFilterState(ports: ports))
        return (nil, .success)
    }

    public func filter(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> Status {
        guard let preFilter = state.read(name, as: PreFilterState.self) else {
            return .error("reading \"PreFilter\(name)\" from cycleState: not found")
        }
        for port in preFilter.ports where nodeInfo.usedPorts.conflicts(with: port) {
            return Status(.unschedulable, Self.errReason)
        }
        return .success
    }
}
