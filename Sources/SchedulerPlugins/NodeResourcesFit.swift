// Stage 4 · SchedulerPlugins: the pod's requests must fit in what the node has left; emptier nodes score higher.
//
// Filter: a node fits when, for every resource the pod requests (CPU, memory,
// ephemeral storage, any extended resource such as `nvidia.com/gpu`), the request is no
// more than allocatable minus what its pods already request, and one more pod is within
// its `pods` capacity. Each shortfall is a reason of its own (`Insufficient cpu`,
// `Too many pods`), which is why a FitError can count "3 Insufficient cpu, 2
// Insufficient memory". Evicting pods frees resources, so the status is resolvable.
//
// Score (LeastAllocated, Kubernetes' default strategy): for CPU and memory, the share
// of the node that would still be free after placing the pod, 0-100, averaged with
// equal weights. Requests are counted with the scoring defaults (100m, 200Mi), so pods
// that request nothing still spread.

import API
import SchedulerFramework

/// PreFilter + Filter on requests against allocatable; PreScore + Score by LeastAllocated (weight 1).
public struct NodeResourcesFit: PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
    public static let errReasonTooManyPods = "Too many pods"
    /// The resources LeastAllocated scores, with their weights (Kubernetes' defaults).
    public static let scoringResources: [(name: String, weight: Int64)] = [(Resource.Name.cpu, 1), (Resource.Name.memory, 1)]

    public var name: String { PluginName.nodeResourcesFit }

    public init() {}

    /// "Insufficient cpu", the reason for one resource that does not fit.
    public static func insufficient(_ resource: String) -> String { "Insufficient \(resource)" }

    struct PreFilterState: Sendable {
        var request: Resource
        var scalarNames: [String]
    }

    struct PreScoreState: Sendable {
        var nonZeroRequest: Resource
    }

    public func preFilter(_ state: CycleState, _ pod: Pod, _ snapshot: Snapshot) -> (PreFilterResult?, Status) {
        let request = Resource(requestsOf: pod)
        let scalarNames = request.scalarResources.filter { $0.value > 0 }.keys.sorted()
        state.write(name, PreFilterState(request: request, scalarNames: scalarNames))
        return (nil, .success)
    }

    public func filter(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> Status {
        guard let preFilter = state.read(name, as: PreFilterState.self) else {
            return .error("reading \"PreFilter\(name)\" from cycleState: not found")
        }
        let reasons = Self.insufficientResources(preFilter.request, scalarNames: preFilter.scalarNames, nodeInfo)
        return reasons.isEmpty ? .success : Status(.unschedulable, reasons: reasons)
    }

    /// The reasons `request` does not fit on the node, in Kubernetes' order (pods, cpu, memory, storage, others).
    static func insufficientResources(_ request: Resource, scalarNames: [String], _ nodeInfo: NodeInfo) -> [String] {
        // Fields are read through nodeInfo rather than copied out: this runs for every node.
        var reasons: [String] = []
        if Int64(nodeInfo.pods.count) + 1 > nodeInfo.allocatable.allowedPodNumber { reasons.append(errReasonTooManyPods) }
        if request.milliCPU > 0 && request.milliCPU > nodeInfo.allocatable.milliCPU - nodeInfo.requested.milliCPU {
            reasons.append(insufficient(Resource.Name.cpu))
        }
        if request.memory > 0 && request.memory > nodeInfo.allocatable.memory - nodeInfo.requested.memory {
            reasons.append(insufficient(Resource.Name.memory))
        }
        if request.ephemeralStorage > 0
            && request.ephemeralStorage > nodeInfo.allocatable.ephemeralStorage - nodeInfo.requested.ephemeralStorage {
            reasons.append(insufficient(Resource.Name.ephemeralStorage))
        }
        for scalar in scalarNames {
            let wanted = request.scalarResources[scalar] ?? 0
            let free = (nodeInfo.allocatable.scalarResources[scalar] ?? 0) - (nodeInfo.requested.scalarResources[scalar] ?? 0)
            if wanted > free { reasons.append(insufficient(scalar)) }
        }
        return reasons
    }

    public func preScore(_ state: CycleState, _ pod: Pod, _ snapshot: Snapshot, _ feasibleNodes: [Int]) -> Status {
        state.write(PluginName.scoreStateKey.nodeResourcesFit, PreScoreState(nonZeroRequest: Resource(nonZeroRequestsOf: pod)))
        return .success
    }

    public func score(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> (Int64, Status) {
        guard let preScore = state.read(PluginName.scoreStateKey.nodeResourcesFit, as: PreScoreState.self) else {
            return (0, .error("reading \"PreScore\(name)\" from cycleState: not found"))
        }
        let request = preScore.nonZeroRequest
        let cpu = Self.leastRequestedScore(nodeInfo.nonZeroRequested.milliCPU + request.milliCPU, nodeInfo.allocatable.milliCPU)
        let memory = Self.leastRequestedScore(nodeInfo.nonZeroRequested.memory + request.memory, nodeInfo.allocatable.memory)
        // Both weights are 1 (scoringResources): the average of the two.
        return ((cpu + memory) / 2, .success)
    }

    /// The share of `capacity` left after `requested`, 0-100; 0 when nothing is left.
    static func leastRequestedScore(_ requested: Int64, _ capacity: Int64) -> Int64 {
        if capacity == 0 || requested > capacity { return 0 }
        return (capacity - requested) * NodeScore.maxNodeScore / capacity
    }
}
