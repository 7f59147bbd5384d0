// Stage 4 · SchedulerFramework: the extension points, one protocol each (Kubernetes' framework/interface.go).
//
// The scheduling cycle of one pod is a fixed sequence of points, and a plugin is any
// value that implements some of them:
//
//     QueueSort · PreFilter → Filter (per node) → [nothing fits: PostFilter] →
//     PreScore → Score (per node) → NormalizeScore → Reserve → Permit ·
//     PreBind → Bind → PostBind   (the binding cycle, off the scheduling path)
//
// A plugin is registered once and the framework finds every point it implements
// (Kubernetes' "multiPoint"). Filter and Score run for every node and are synchronous,
// so the inner loop has no suspension points; the points that talk to the API server
// (Permit's waiting, PreBind, Bind, PostFilter's evictions) are async.

import API
import SchedulingKinds

/// Anything the framework can call; its name keys its weight, its cycle state and its statuses.
public protocol Plugin: Sendable {
    var name: String { get }
}

/// Orders the scheduling queue: which pending pod is tried first.
public protocol QueueSortPlugin: Plugin {
    func less(_ a: QueuedPodInfo, _ b: QueuedPodInfo) -> Bool
}

/// What PreFilter may narrow the search to: only these nodes (nil: all of them).
public struct PreFilterResult: Sendable, Hashable {
    public var nodeNames: Set<String>?
    public init(nodeNames: Set<String>?) { self.nodeNames = nodeNames }
}

/// Runs once per pod before Filter: computes what Filter reads per node, or says `skip`.
public protocol PreFilterPlugin: Plugin {
    func preFilter(_ state: CycleState, _ pod: Pod, _ snapshot: Snapshot) -> (PreFilterResult?, Status)
}

/// Decides whether the pod can run on one node.
public protocol FilterPlugin: Plugin {
    func filter(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> Status
}

/// What PostFilter found: the node the pod should wait for (preemption's nominated node).
public struct PostFilterResult: Sendable, Hashable {
    public var nominatedNodeName: String
    public init(nominatedNodeName: String) { self.nominatedNodeName = nominatedNodeName }
}

/// Runs when no node passed Filter: tries to make room (preemption).
public protocol PostFilterPlugin: Plugin {
    func postFilter(_ state: CycleState, _ pod: Pod, _ statuses: NodeToStatus, _ snapshot: Snapshot,
                    _ framework: Framework) async -> (PostFilterResult?, Status)
}

/// Runs once per pod before Score, over the nodes that passed Filter (indices into the snapshot).
public protocol PreScorePlugin: Plugin {
    func preScore(_ state: CycleState, _ pod: Pod, _ snapshot: Snapshot, _ feasibleNodes: [Int]) -> Status
}

/// Ranks one feasible node; the framework weights and sums the plugins' scores.
public protocol ScorePlugin: Plugin {
    func score(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> (Int64, Status)
}

/// A score plugin whose raw scores are not already 0-100: it rescales them all at once.
public protocol NormalizeScorePlugin: ScorePlugin {
    func normalizeScore(_ state: CycleState, _ pod: Pod, _ scores: inout [NodeScore]) -> Status
}

/// Claims what the pod will use on its node before binding (volumes, devices); undone on failure.
public protocol ReservePlugin: Plugin {
    func reserve(_ state: CycleState, _ pod: Pod, _ nodeName: String) async -> Status
    func unreserve(_ state: CycleState, _ pod: Pod, _ nodeName: String) async
}

/// Approves, rejects, or holds back (`wait`, with a timeout) a pod before it is bound.
public protocol PermitPlugin: Plugin {
    func permit(_ state: CycleState, _ pod: Pod, _ nodeName: String) async -> (Status, Duration)
}

/// Prepares the node before the binding is written (mounting a volume, for instance).
public protocol PreBindPlugin: Plugin {
    func preBind(_ state: CycleState, _ pod: Pod, _ nodeName: String) async -> Status
}

/// Writes the decision; a binder that does not handle this pod says `skip` and the next one tries.
public protocol BindPlugin: Plugin {
    func bind(_ state: CycleState, _ pod: Pod, _ nodeName: String) async -> Status
}

/// Told after a successful binding (for cleanup or bookkeeping).
public protocol PostBindPlugin: Plugin {
    func postBind(_ state: CycleState, _ pod: Pod, _ nodeName: String) async
}

/// A PreFilter plugin whose precomputed state depends on the pods on other nodes (counts
/// per zone, anti-affinity): preemption's what-ifs tell it when a pod is added to or
/// removed from a node, so its Filter sees the simulated cluster (Kubernetes' PreFilterExtensions).
public protocol PreFilterExtensions: PreFilterPlugin {
    func addPod(_ state: CycleState, _ podToSchedule: Pod, _ podInfoToAdd: PodInfo, _ nodeInfo: NodeInfo) -> Status
    func removePod(_ state: CycleState, _ podToSchedule: Pod, _ podInfoToRemove: PodInfo, _ nodeInfo: NodeInfo) -> Status
}
