// Stage 4 · SchedulerPlugins: keeping InterPodAffinity's counts true while preemption imagines evictions.
//
// Preemption asks "would the pod fit if these pods were gone?". The counts PreFilter
// made (matching pods per domain) must then lose the imagined victims, or an
// anti-affinity to a victim would keep refusing the node. Each added or removed pod
// moves the three counts by one, exactly as PreFilter would have counted it
// (Kubernetes' preFilterState.updateWithPod).

import API
import SchedulerFramework

extension InterPodAffinity: PreFilterExtensions {
    public func addPod(_ state: CycleState, _ podToSchedule: Pod, _ podInfoToAdd: PodInfo, _ nodeInfo: NodeInfo) -> Status {
        update(state, podInfoToAdd, nodeInfo, by: 1)
    }

    public func removePod(_ state: CycleState, _ podToSchedule: Pod, _ podInfoToRemove: PodInfo, _ nodeInfo: NodeInfo)
        -> Status {
        update(state, podInfoToRemove, nodeInfo, by: -1)
    }

    private func update(_ state: CycleState, _ existing: PodInfo, _ nodeInfo: NodeInfo, by delta: Int) -> Status {
        guard var preFilter = state.read(name, as: PreFilterState.self) else {
            return .error("reading \"PreFilter\(name)\" from cycleState: not found")
        }
        let labels = nodeInfo.node.metadata.labels
        let incoming = preFilter.podInfo
        func move(_ counts: inout [TopologyPair: Int], _ key: String) {
            guard let value = labels[key] else { return }
            let pair = TopologyPair(key: key, value: value)
            let count = (counts[pair] ?? 0) + delta
            counts[pair] = count == 0 ? nil : count
        }
        for term in existing.requiredAntiAffinityTerms where term.matches(incoming.pod) {
            move(&preFilter.existingAntiAffinityCounts, term.topologyKey)
        }
        let terms = incoming.requiredAffinityTerms
        if !terms.isEmpty && terms.allSatisfy({ $0.matches(existing.pod) }) {
            for term in terms { move(&preFilter.affinityCounts, term.topologyKey) }
        }
        for term in incoming.requiredAntiAffinityTerms where term.matches(existing.pod) {
            move(&preFilter.antiAffinityCounts, term.topologyKey)
        }
        state.write(name, preFilter)
        return .success
    }
}
