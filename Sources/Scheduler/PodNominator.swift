// Stage 4 · Scheduler: the pods that preemption has promised a node, until they are bound there.
//
// When a high-priority pod fits nowhere, preemption evicts lower-priority pods from one
// node and *nominates* that node for it. The victims take a while to go (their grace
// period), and meanwhile the preemptor waits in the queue. If the scheduler forgot the
// promise, the next small pod would take the room being freed. So the queue keeps the
// nominations (Kubernetes' `nominator` in `scheduling_queue.go`), and filtering a node
// counts the pods nominated to it with at least the incoming pod's priority as if they ran
// there already. A nomination ends when the pod is bound, deleted, or nominated elsewhere.

import API
import SchedulerFramework

/// Nominated pods by node, and each pod's node by uid; owned by `SchedulingQueue`.
struct PodNominator: Sendable {
    private var nominatedPods: [String: [Pod]] = [:]
    private var nominatedPodToNode: [String: String] = [:]

    /// Nominates `nodeName` for `pod`, replacing any earlier nomination of it; "" only removes it.
    mutating func add(_ pod: Pod, nodeName: String) {
        delete(pod)
        guard !nodeName.isEmpty else { return }
        nominatedPodToNode[pod.metadata.uid] = nodeName
        nominatedPods[nodeName, default: []].append(pod)
    }

    mutating func delete(_ pod: Pod) {
        guard let nodeName = nominatedPodToNode.removeValue(forKey: pod.metadata.uid) else { return }
        nominatedPods[nodeName]?.removeAll { $0.metadata.uid == pod.metadata.uid }
        if nominatedPods[nodeName]?.isEmpty == true { nominatedPods[nodeName] = nil }
    }

    /// Keeps a nominated pod's copy current when it is updated, on the same node.
    mutating func update(_ pod: Pod) {
        guard let nodeName = nominatedPodToNode[pod.metadata.uid] else { return }
        add(pod, nodeName: nodeName)
    }

    func pods(forNode nodeName: String) -> [Pod] { nominatedPods[nodeName] ?? [] }

    /// Every nominated pod, by node.
    var byNode: [String: [Pod]] { nominatedPods }

    func nodeName(of pod: Pod) -> String? { nominatedPodToNode[pod.metadata.uid] }
}
