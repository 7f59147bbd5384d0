// Stage 4 · SchedulerFramework: the scheduler's own view of the nodes and the pods on them (Kubernetes' internal/cache).
//
// The scheduler decides faster than the API server can record its decisions. If the
// next pod were placed by what the informers have seen, a node that just received a
// pod would still look empty, and ten pods in a row would land on it. So the moment
// the scheduler picks a node it *assumes* the pod there, in this cache, before the
// binding is written; the next cycle sees the resources taken. When the informer
// later delivers the bound pod (`addPod`), the assumption is confirmed; if the binding
// fails, the scheduler forgets the pod and the node has the room again.
//
//     assumePod ──► finishBinding ──► addPod (confirmed)
//         └───────────► forgetPod (the binding failed)
//
// Assumed pods do not expire here: as in current Kubernetes
// (`durationToExpireAssumedPod = 0`), only the informer's add or a forget ends them.
//
// Each change bumps a generation counter and stamps the changed NodeInfo with it;
// `updateSnapshot` copies only the NodeInfos stamped after the snapshot was taken. A
// pod may arrive before its node (the informers are independent): its NodeInfo waits
// in `nodeless` until the node is added.

import API
import ClusterKinds

/// What the cache refuses: assuming a pod twice, forgetting one it never assumed.
public struct SchedulerCacheError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
}

/// The nodes and the assigned and assumed pods, kept by the scheduler between cycles.
public actor SchedulerCache {
    private struct PodState {
        var pod: Pod
        var isAssumed: Bool
        var bindingFinished = false
    }

    // State, all guarded by the actor. `nodes` holds the nodes the informer has
    // delivered, in `nodeOrder`'s order; `index` maps a name to its place there.
    private var nodes: [NodeInfo] = []
    private var index: [String: Int] = [:]
    /// NodeInfos of pods whose node has not been added (or was removed with pods on it).
    private var nodeless: [String: NodeInfo] = [:]
    private var podStates: [String: PodState] = [:]
    /// Bumped on every change; the changed NodeInfo carries the new value.
    private var generation: Int64 = 0
    /// Bumped when a node is added or removed, so snapshots know to rebuild their list.
    private var nodeSetGeneration: Int64 = 0

    public init() {}

    public var nodeCount: Int { nodes.count }

    public var podCount: Int { podStates.count }

    // MARK: Nodes

    public func addNode(_ node: Node) {
        let name = node.metadata.name
        if index[name] != nil { return updateNode(node) }
        let waiting = nodeless.removeValue(forKey: name) ?? NodeInfo(node: node)
        let info = waiting.withNode(node, generation: nextGeneration())
        index[name] = nodes.count
        nodes.append(info)
        nodeSetGeneration += 1
    }

    public func updateNode(_ node: Node) {
        guard let position = index[node.metadata.name] else { return addNode(node) }
        nodes[position] = nodes[position].withNode(node, generation: nextGeneration())
    }

    public func removeNode(_ node: Node) {
        guard let position = index.removeValue(forKey: node.metadata.name) else { return }
        let info = nodes.remove(at: position)
        // The pods stay counted until the informer removes them, as in Kubernetes.
        if !info.pods.isEmpty { nodeless[info.name] = info }
        for later in position..<nodes.count { index[nodes[later].name] = later }
        nodeSetGeneration += 1
        generation += 1
    }

    // MARK: Pods

    /// An assigned pod from the informer; confirms it if the scheduler had assumed it.
    public func addPod(_ pod: Pod) {
        let key = PodInfo.key(of: pod)
        if let state = podStates[key] {
            // Confirmed, or delivered again: re-add it in case the node differs.
            removeFromNode(state.pod, key: key)
        }
        addToNode(pod)
        podStates[key] = PodState(pod: pod, isAssumed: false)
    }

    public func updatePod(old: Pod, new: Pod) {
        let key = PodInfo.key(of: new)
        guard let state = podStates[key], !state.isAssumed else { return addPod(new) }
        removeFromNode(state.pod, key: key)
        addToNode(new)
        podStates[key] = PodState(pod: new, isAssumed: false)
    }

    public func removePod(_ pod: Pod) {
        let key = PodInfo.key(of: pod)
        guard let state = podStates.removeValue(forKey: key) else { return }
        removeFromNode(state.pod, key: key)
    }

    /// Counts `pod` on `pod.spec.nodeName` before its binding is written.
    public func assumePod(_ pod: Pod) throws {
        let key = PodInfo.key(of: pod)
        guard podStates[key] == nil else {
            throw SchedulerCacheError(description:
                "pod \(pod.metadata.namespace)/\(pod.metadata.name)(\(key)) is in the cache, so can't be assumed")
        }
        addToNode(pod)
        podStates[key] = PodState(pod: pod, isAssumed: true)
    }

    /// The binding was sent; the pod stays assumed until the informer confirms it.
    public func finishBinding(_ pod: Pod) {
        let key = PodInfo.key(of: pod)
        podStates[key]?.bindingFinished = true
    }

    /// Undoes `assumePod`: the binding failed, so the node has the room again.
    public func forgetPod(_ pod: Pod) {
        let key = PodInfo.key(of: pod)
        guard let state = podStates[key], state.isAssumed else { return }
        removeFromNode(state.pod, key: key)
        podStates[key] = nil
    }

    public func isAssumedPod(_ pod: Pod) -> Bool {
        podStates[PodInfo.key(of: pod)]?.isAssumed ?? false
    }

    // MARK: Snapshots

    /// Brings `snapshot` up to date, copying only the nodes that changed since it was taken.
    public func updateSnapshot(_ snapshot: inout Snapshot) {
        if snapshot.nodeSetGeneration != nodeSetGeneration || snapshot.nodeInfoList.count != nodes.count {
            snapshot.nodeInfoList = nodes
            snapshot.reindex()
        } else {
            var affinityChanged = false
            for position in nodes.indices where nodes[position].generation > snapshot.generation {
                let (had, has) = snapshot.replace(at: position, with: nodes[position])
                affinityChanged = affinityChanged || had || has
            }
            if affinityChanged { snapshot.reindexAffinity() }
        }
        snapshot.generation = generation
        snapshot.nodeSetGeneration = nodeSetGeneration
    }

    /// The cache's node info for `name` (for tests and debugging).
    public func nodeInfo(named name: String) -> NodeInfo? {
        index[name].map { nodes[$0] } ?? nodeless[name]
    }

    // MARK: Bookkeeping

    private func nextGeneration() -> Int64 {
        generation += 1
        return generation
    }

    private func addToNode(_ pod: Pod) {
        let name = pod.spec.nodeName
        let info = PodInfo(pod)
        if let position = index[name] {
            nodes[position] = nodes[position].adding(info, generation: nextGeneration())
        } else {
            let placeholder = nodeless[name] ?? NodeInfo(node: Node(metadata: ObjectMeta(name: name)))
            nodeless[name] = placeholder.adding(info)
        }
    }

    private func removeFromNode(_ pod: Pod, key: String) {
        let name = pod.spec.nodeName
        if let position = index[name] {
            if let removed = nodes[position].removing(key: key, generation: generation + 1) {
                nodes[position] = removed
                generation += 1
            }
        } else if let placeholder = nodeless[name]?.removing(key: key) {
            nodeless[name] = placeholder.pods.isEmpty ? nil : placeholder
        }
    }
}
