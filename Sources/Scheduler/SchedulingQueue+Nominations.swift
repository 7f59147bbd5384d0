// Stage 4 · Scheduler: the nodes preemption promised, kept by the queue (Kubernetes' PodNominator).
//
// Kubernetes' scheduling queue embeds its nominator, so that whatever moves a pod between
// sub-queues keeps its nomination in step: an update replaces the nominated copy, a
// delete ends the nomination. The scheduling loop adds a nomination once preemption chose
// a node, reads `nominatedPods(forNode:)` when filtering, and ends it when the pod binds.

import API
import SchedulerFramework

extension SchedulingQueue {
    /// Records that preemption chose `nodeName` for `pod` ("" clears the nomination).
    public func addNominatedPod(_ pod: Pod, nodeName: String) {
        nominator.add(pod, nodeName: nodeName)
    }

    /// Ends `pod`'s nomination: it was bound, or its preemption given up.
    public func deleteNominatedPodIfExists(_ pod: Pod) {
        nominator.delete(pod)
    }

    /// The pods nominated to `nodeName`, which filtering counts as if they ran there.
    public func nominatedPods(forNode nodeName: String) -> [Pod] {
        nominator.pods(forNode: nodeName)
    }

    /// Every nominated pod, by node: what a cycle's snapshot counts on each node it filters.
    public func nominatedPodsByNode() -> [String: [Pod]] {
        nominator.byNode
    }

    /// The node nominated for `pod`, if any.
    public func nominatedNodeName(of pod: Pod) -> String? {
        nominator.nodeName(of: pod)
    }
}
