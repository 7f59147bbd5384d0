// Stage 4 · SchedulerFramework: filtering as if the pods nominated to a node were already on it.
//
// After preemption deletes its victims, the preempting pod waits (nominated) for the
// node to free up. Until it is bound, any other pod could take that room. So Filter
// runs twice on a node with nominated pods of at least the pod's priority: once with
// them added (the room is promised to them), and once without (the pod must fit as the
// node really is, in case the nominated pods go elsewhere). The pod must pass both
// (Kubernetes' RunFilterPluginsWithNominatedPods).

import API

extension Framework {
    /// Runs Filter on `nodeInfo` with, then without, the nominated pods that outrank or equal `pod`.
    public func runFilterPluginsWithNominatedPods(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo,
                                                  nominated: [PodInfo]) -> Status {
        let priority = pod.spec.priority ?? 0
        let key = PodInfo.key(of: pod)
        let ahead = nominated.filter { ($0.pod.spec.priority ?? 0) >= priority && $0.key != key }
        if !ahead.isEmpty {
            let withNominated = state.clone()
            var simulated = nodeInfo
            for podInfo in ahead {
                simulated = simulated.adding(podInfo)
                let status = runPreFilterExtensionAddPod(withNominated, pod, podInfo, simulated)
                if !status.isSuccess { return status }
            }
            let status = runFilterPlugins(withNominated, pod, simulated)
            if !status.isSuccess { return status }
        }
        return runFilterPlugins(state, pod, nodeInfo)
    }
}
