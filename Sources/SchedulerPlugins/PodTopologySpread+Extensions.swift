// Stage 4 · SchedulerPlugins: keeping PodTopologySpread's counts true while preemption imagines evictions.
//
// As for InterPodAffinity: when preemption removes (or puts back) a pod in a what-if,
// the matching-pod count of its node's domain moves by one, and the emptiest domain's
// count is worked out again (Kubernetes' updateWithPod on the spread state).

import API
import SchedulerFramework

extension PodTopologySpread: PreFilterExtensions {
    public func addPod(_ state: CycleState, _ podToSchedule: Pod, _ podInfoToAdd: PodInfo, _ nodeInfo: NodeInfo)
        -> SchedulerFramework.Status {
        update(state, podToSchedule, podInfoToAdd, nodeInfo, by: 1)
    }

    public func removePod(_ state: CycleState, _ podToSchedule: Pod, _ podInfoToRemove: PodInfo, _ nodeInfo: NodeInfo)
        -> SchedulerFramework.Status {
        update(state, podToSchedule, podInfoToRemove, nodeInfo, by: -1)
    }

    private func update(_ state: CycleState, _ pod: Pod, _ existing: PodInfo, _ nodeInfo: NodeInfo, by delta: Int)
        -> SchedulerFramework.Status {
        guard var preFilter = state.read(name, as: PreFilterState.self) else {
            return .error("reading \"PreFilter\(name)\" from cycleState: not found")
        }
        guard Self.counts(nodeInfo.node, for: pod, preFilter.constraints) else { return .success }
        let labels = nodeInfo.node.metadata.labels
        for constraint in preFilter.constraints where constraint.matches(existing.pod, namespace: pod.metadata.namespace) {
            let pair = TopologyPair(key: constraint.topologyKey, value: labels[constraint.topologyKey]!)
            preFilter.matchNum[pair, default: 0] += delta
        }
        preFilter.minMatchByKey = Self.minMatchByKey(preFilter.constraints, preFilter.matchNum)
        state.write(name, preFilter)
        return .success
    }
}
