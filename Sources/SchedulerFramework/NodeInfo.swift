// Stage 4 · SchedulerFramework: one node as the scheduler sees it (Kubernetes' framework.NodeInfo).
//
// Filter and Score plugins ask the same questions of every node: how much is left of
// its allocatable CPU and memory, which host ports are taken, which of its pods have
// affinity terms. NodeInfo keeps those answers, so a plugin reads a sum instead of
// walking the node's pods.
//
// It is an immutable class, as Kubernetes passes *NodeInfo pointers: the scheduling
// loop hands one to every plugin for every node of every pod, thousands of times a
// second, and a class is passed as one pointer where a struct holding a whole Node
// would be copied field by field (dozens of reference counts each time; measured, that
// was most of a cycle at 5,000 nodes). Adding or removing a pod makes a new NodeInfo
// (`adding`, `removing`); the cache swaps it in, and snapshots share it.
//
// `generation` is how snapshots stay cheap: the cache stamps every new NodeInfo with a
// counter, and `SchedulerCache.updateSnapshot` copies only those stamped after the
// snapshot was last brought up to date.

import API
import ClusterKinds

/// A node, its pods, and the sums the plugins read.
public final class NodeInfo: Sendable {
    // The sums Filter and Score read for every node come first, so that they share the
    // object's first cache lines; the Node itself, hundreds of bytes, comes last.

    /// The sum of the pods' requests.
    public let requested: Resource
    /// The sum with the scoring defaults (see `Resource(nonZeroRequestsOf:)`).
    public let nonZeroRequested: Resource
    /// What the node offers pods: its `status.allocatable`.
    public let allocatable: Resource
    public let pods: [PodInfo]
    /// The pods with any (anti-)affinity term: InterPodAffinity's score reads only these.
    public let podsWithAffinity: [PodInfo]
    /// The pods with a required anti-affinity term: every newcomer is checked against them.
    public let podsWithRequiredAntiAffinity: [PodInfo]
    public let usedPorts: HostPortInfo
    /// The cache's stamp; see the file comment.
    public let generation: Int64
    public let node: Node

    public convenience init(node: Node, pods: [Pod] = []) {
        self.init(node: node, podInfos: pods.map(PodInfo.init), generation: 0)
    }

    /// A node info with these pods, its sums computed from them.
    public init(node: Node, podInfos: [PodInfo], generation: Int64) {
        self.node = node
        pods = podInfos
        podsWithAffinity = podInfos.filter(\.hasAffinity)
        podsWithRequiredAntiAffinity = podInfos.filter(\.hasRequiredAntiAffinity)
        var ports = HostPortInfo()
        var requested = Resource()
        var nonZeroRequested = Resource()
        for podInfo in podInfos {
            for port in podInfo.hostPorts { ports.add(port) }
            requested.add(podInfo.requests)
            nonZeroRequested.add(podInfo.nonZeroRequests)
        }
        usedPorts = ports
        self.requested = requested
        self.nonZeroRequested = nonZeroRequested
        allocatable = Resource(node.status.allocatable)
        self.generation = generation
    }

    private init(copying other: NodeInfo, node: Node? = nil, pods: [PodInfo]? = nil, podsWithAffinity: [PodInfo]? = nil,
                 podsWithRequiredAntiAffinity: [PodInfo]? = nil, usedPorts: HostPortInfo? = nil,
                 requested: Resource? = nil, nonZeroRequested: Resource? = nil, generation: Int64) {
        self.node = node ?? other.node
        self.pods = pods ?? other.pods
        self.podsWithAffinity = podsWithAffinity ?? other.podsWithAffinity
        self.podsWithRequiredAntiAffinity = podsWithRequiredAntiAffinity ?? other.podsWithRequiredAntiAffinity
        self.usedPorts = usedPorts ?? other.usedPorts
        self.requested = requested ?? other.requested
        self.nonZeroRequested = nonZeroRequested ?? other.nonZeroRequested
        allocatable = node.map { Resource($0.status.allocatable) } ?? other.allocatable
        self.generation = generation
    }

    public var name: String { node.metadata.name }

    /// The same pods on a changed node (labels, taints, allocatable).
    public func withNode(_ node: Node, generation: Int64? = nil) -> NodeInfo {
        NodeInfo(copying: self, node: node, generation: generation ?? self.generation)
    }

    /// The same node info, stamped with another generation.
    public func stamped(_ generation: Int64) -> NodeInfo {
        NodeInfo(copying: self, generation: generation)
    }

    /// This node with one more pod.
    public func adding(_ podInfo: PodInfo, generation: Int64? = nil) -> NodeInfo {
        var ports = usedPorts
        for port in podInfo.hostPorts { ports.add(port) }
        var requested = self.requested
        requested.add(podInfo.requests)
        var nonZeroRequested = self.nonZeroRequested
        nonZeroRequested.add(podInfo.nonZeroRequests)
        return NodeInfo(copying: self, pods: pods + [podInfo],
                        podsWithAffinity: podInfo.hasAffinity ? podsWithAffinity + [podInfo] : nil,
                        podsWithRequiredAntiAffinity: podInfo.hasRequiredAntiAffinity
                            ? podsWithRequiredAntiAffinity + [podInfo] : nil,
                        usedPorts: ports, requested: requested, nonZeroRequested: nonZeroRequested,
                        generation: generation ?? self.generation)
    }

    /// This node without the pod with this cache key; nil when the node does not hold it.
    public func removing(key: String, generation: Int64? = nil) -> NodeInfo? {
        guard let index = pods.firstIndex(where: { $0.key == key }) else { return nil }
        let podInfo = pods[index]
        var remaining = pods
        remaining.remove(at: index)
        var ports = usedPorts
        for port in podInfo.hostPorts { ports.remove(port) }
        var requested = self.requested
        requested.subtract(podInfo.requests)
        var nonZeroRequested = self.nonZeroRequested
        nonZeroRequested.subtract(podInfo.nonZeroRequests)
        return NodeInfo(copying: self, pods: remaining,
                        podsWithAffinity: podInfo.hasAffinity ? podsWithAffinity.filter { $0.key != key } : nil,
                        podsWithRequiredAntiAffinity: podInfo.hasRequiredAntiAffinity
                            ? podsWithRequiredAntiAffinity.filter { $0.key != key } : nil,
                        usedPorts: ports, requested: requested, nonZeroRequested: nonZeroRequested,
                        generation: generation ?? self.generation)
    }
}
