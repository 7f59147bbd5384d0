// Stage 4 · SchedulerFramework: one node as the scheduler sees it (Kubernetes' framework.NodeInfo).
//
// Filter and Score plugins ask the same questions of every node: how much is left of
// its allocatable CPU and memory, which host ports are taken, which of its pods have
// affinity terms. NodeInfo keeps those answers up to date as pods are added and
// removed, so a plugin reads a sum instead of walking the node's pods.
//
// `generation` is how snapshots stay cheap: the cache bumps it on every change, and
// `SchedulerCache.updateSnapshot` copies only the NodeInfos whose generation is newer
// than the snapshot's. A NodeInfo is a value; copying one shares its arrays until one
// side changes them.

import API
import ClusterKinds

/// A node, its pods, and the sums the plugins read.
public struct NodeInfo: Sendable {
    public private(set) var node: Node
    public private(set) var pods: [PodInfo] = []
    /// The pods with any (anti-)affinity term: InterPodAffinity's score reads only these.
    public private(set) var podsWithAffinity: [PodInfo] = []
    /// The pods with a required anti-affinity term: every newcomer is checked against them.
    public private(set) var podsWithRequiredAntiAffinity: [PodInfo] = []
    public private(set) var usedPorts = HostPortInfo()
    /// The sum of the pods' requests.
    public private(set) var requested = Resource()
    /// The sum with the scoring defaults (see `Resource(nonZeroRequestsOf:)`).
    public private(set) var nonZeroRequested = Resource()
    /// What the node offers pods: its `status.allocatable`.
    public private(set) var allocatable = Resource()
    /// Bumped by the cache on every change; see the file comment.
    public internal(set) var generation: Int64 = 0

    public init(node: Node, pods: [Pod] = []) {
        self.node = node
        allocatable = Resource(node.status.allocatable)
        for pod in pods { addPod(PodInfo(pod)) }
    }

    public var name: String { node.metadata.name }

    /// Replaces the node (labels, taints, allocatable changed); the pods stay.
    public mutating func setNode(_ node: Node) {
        self.node = node
        allocatable = Resource(node.status.allocatable)
    }

    public mutating func addPod(_ podInfo: PodInfo) {
        pods.append(podInfo)
        if podInfo.hasAffinity { podsWithAffinity.append(podInfo) }
        if podInfo.hasRequiredAntiAffinity { podsWithRequiredAntiAffinity.append(podInfo) }
        requested.add(podInfo.requests)
        nonZeroRequested.add(podInfo.nonZeroRequests)
        for port in podInfo.hostPorts { usedPorts.add(port) }
    }

    /// Removes the pod with this cache key; false when the node does not hold it.
    @discardableResult
    public mutating func removePod(key: String) -> Bool {
        guard let index = pods.firstIndex(where: { $0.key == key }) else { return false }
        let podInfo = pods.remove(at: index)
        podsWithAffinity.removeAll { $0.key == key }
        podsWithRequiredAntiAffinity.removeAll { $0.key == key }
        requested.subtract(podInfo.requests)
        nonZeroRequested.subtract(podInfo.nonZeroRequests)
        for port in podInfo.hostPorts { usedPorts.remove(port) }
        return true
    }
}
