// Stage 4 · SchedulerFramework: the frozen view of the cluster one scheduling cycle works on.
//
// Pods are assumed and confirmed while a cycle runs, so the cycle must not read the
// cache directly: two plugins would see two different clusters. At the start of each
// cycle the scheduler asks the cache to bring its Snapshot up to date
// (`SchedulerCache.updateSnapshot`), which copies only the nodes that changed since
// the last cycle, then hands the snapshot to every plugin. The lists of nodes with
// affinity pods are kept as indices into `nodeInfoList`, so InterPodAffinity does not
// walk every node to find the few that matter.

import API
import ClusterKinds

/// The nodes and their pods, as of the start of one scheduling cycle.
public struct Snapshot: Sendable {
    /// Every node, in the cache's order (which Filter walks round-robin from `nextStartNodeIndex`).
    public internal(set) var nodeInfoList: [NodeInfo] = []
    /// Indices into `nodeInfoList` of the nodes with a pod that has any (anti-)affinity term.
    public internal(set) var havePodsWithAffinityNodeInfoList: [Int] = []
    /// Indices into `nodeInfoList` of the nodes with a pod that has a required anti-affinity term.
    public internal(set) var havePodsWithRequiredAntiAffinityNodeInfoList: [Int] = []
    var nodeIndex: [String: Int] = [:]
    /// The cache generation this snapshot reflects.
    var generation: Int64 = -1
    /// The cache's node-set generation; a different one means nodes came or went.
    var nodeSetGeneration: Int64 = -1
    /// Pods that preempted and wait for their nominated node, by node name. The scheduler
    /// (its queue knows them) sets this before each cycle; `updateSnapshot` leaves it alone.
    /// Filter counts those of equal or higher priority as already there, so that the
    /// room preemption made is not taken by a less important pod.
    public var nominatedPods: [String: [PodInfo]] = [:]

    public init() {}

    /// A snapshot of these nodes with these (assigned) pods; for tests and tools.
    public init(nodes: [Node], pods: [Pod] = []) {
        let byNode = Dictionary(grouping: pods, by: \.spec.nodeName)
        nodeInfoList = nodes.map { NodeInfo(node: $0, pods: byNode[$0.metadata.name] ?? []) }
        reindex()
    }

    public func nodeInfo(named name: String) -> NodeInfo? {
        nodeIndex[name].map { nodeInfoList[$0] }
    }

    /// The position of the named node in `nodeInfoList`.
    public func index(ofNodeNamed name: String) -> Int? { nodeIndex[name] }

    public var count: Int { nodeInfoList.count }

    mutating func reindex() {
        nodeIndex = Dictionary(uniqueKeysWithValues: nodeInfoList.enumerated().map { ($1.name, $0) })
        reindexAffinity()
    }

    mutating func reindexAffinity() {
        havePodsWithAffinityNodeInfoList = nodeInfoList.indices.filter { !nodeInfoList[$0].podsWithAffinity.isEmpty }
        havePodsWithRequiredAntiAffinityNodeInfoList =
            nodeInfoList.indices.filter { !nodeInfoList[$0].podsWithRequiredAntiAffinity.isEmpty }
    }

    /// Replaces one node's info in place (the cache's incremental update, and preemption's what-ifs).
    mutating func replace(at index: Int, with nodeInfo: NodeInfo) -> (hadAffinity: Bool, hasAffinity: Bool) {
        let old = nodeInfoList[index]
        let had = !old.podsWithAffinity.isEmpty || !old.podsWithRequiredAntiAffinity.isEmpty
        nodeInfoList[index] = nodeInfo
        let has = !nodeInfo.podsWithAffinity.isEmpty || !nodeInfo.podsWithRequiredAntiAffinity.isEmpty
        return (had, has)
    }
}
