// Stage 4 · SchedulerPlugins: prefers nodes where CPU and memory would be used in the same proportion.
//
// A node with 90% of its CPU taken and 10% of its memory is hard to use: the next pod
// will find CPU short. This score is 100 when the pod would leave the node's CPU and
// memory equally full, and falls with the difference: 100 × (1 − |cpu − memory| / 2),
// the standard deviation of the two fractions (Kubernetes' balancedResourceScorer).
// Fractions are capped at 1 and use the scoring defaults for pods without requests.

import API
import SchedulerFramework

/// PreScore + Score (weight 1): balance between the node's CPU and memory use.
public struct NodeResourcesBalancedAllocation: PreScorePlugin, ScorePlugin {
    public var name: String { PluginName.nodeResourcesBalancedAllocation }

    public init() {}

    struct PreScoreState: Sendable {
        var nonZeroRequest: Resource
    }

    public func preScore(_ state: CycleState, _ pod: Pod, _ snapshot: Snapshot, _ feasibleNodes: [Int]) -> Status {
        state.write(name, PreScoreState(nonZeroRequest: Resource(nonZeroRequestsOf: pod)))
        return .success
    }

    public func score(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> (Int64, Status) {
        guard let preScore = state.read(name, as: PreScoreState.self) else {
            return (0, .error("reading \"PreScore\(name)\" from cycleState: not found"))
        }
        let (allocatableCPU, allocatableMemory) = (nodeInfo.allocatable.milliCPU, nodeInfo.allocatable.memory)
        guard allocatableCPU > 0, allocatableMemory > 0 else { return (0, .success) }
        let cpu = min(1, Double(nodeInfo.nonZeroRequested.milliCPU + preScore.nonZeroRequest.milliCPU) / Double(allocatableCPU))
        let memory = min(1, Double(nodeInfo.nonZeroRequested.memory + preScore.nonZeroRequest.memory) / Double(allocatableMemory))
        let std = abs(cpu - memory) / 2
        return (Int64((1 - std) * Double(NodeScore.maxNodeScore)), .success)
    }
}
