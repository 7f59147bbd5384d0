// Stage 4 · SchedulerPlugins: which pods to evict on one node, and which node to preempt on.
//
// Victims on a node (Kubernetes' SelectVictimsOnNode): remove every pod of lower
// priority (telling the PreFilter plugins, through their extensions, so that their
// counts follow, on a clone of the cycle state); if the pod still does not fit,
// preemption cannot help here. Otherwise put the removed pods back one by one, most important first (higher priority, then the
// one running longest), keeping each that still leaves room: the rest are the victims.
//
// The node (pickOneNodeForPreemption), by these rules in turn, each breaking the ties
// of the one before: fewest PodDisruptionBudget violations (PDBs are not modelled here,
// so none); the lowest priority among the most important victims; the smallest sum of
// victims' priorities; the fewest victims; the latest start among the most important
// victims (evict what has run for the shortest time); else the first.

import API
import SchedulerFramework

extension DefaultPreemption {
    func selectVictimsOnNode(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo, _ framework: Framework,
                             nominated: [PodInfo] = []) -> ([PodInfo], Status) {
        var simulated = nodeInfo
        let priority = pod.schedulingPriority
        let potential = nodeInfo.pods.filter { $0.pod.schedulingPriority < priority }
        if potential.isEmpty { return ([], Status(.unschedulableAndUnresolvable, Self.noVictimsFound)) }
        for victim in potential {
            simulated = simulated.removing(key: victim.key) ?? simulated
            let status = framework.runPreFilterExtensionRemovePod(state, pod, victim, simulated)
            if !status.isSuccess { return ([], status) }
        }
        let fits = framework.runFilterPluginsWithNominatedPods(state, pod, simulated, nominated: nominated)
        guard fits.isSuccess else { return ([], fits) }
        var victims: [PodInfo] = []
        for candidate in potential.sorted(by: Self.moreImportant) {
            let withCandidate = simulated.adding(candidate)
            _ = framework.runPreFilterExtensionAddPod(state, pod, candidate, withCandidate)
            if framework.runFilterPluginsWithNominatedPods(state, pod, withCandidate, nominated: nominated).isSuccess {
                simulated = withCandidate
            } else {
                _ = framework.runPreFilterExtensionRemovePod(state, pod, candidate, simulated)
                victims.append(candidate)
            }
        }
        return (victims, .success)
    }

    /// Higher priority first; among equals, the one that started earlier (Kubernetes' MoreImportantPod).
    static func moreImportant(_ a: PodInfo, _ b: PodInfo) -> Bool {
        let (p1, p2) = (a.pod.schedulingPriority, b.pod.schedulingPriority)
        if p1 != p2 { return p1 > p2 }
        return startTime(a.pod) < startTime(b.pod)
    }

    /// When the pod started; one not started yet counts as starting now (Kubernetes' GetPodStartTime).
    static func startTime(_ pod: Pod) -> Time { pod.status.startTime ?? .now() }

    /// The candidate whose victims matter least; nil when there is none.
    static func selectCandidate(_ candidates: [Candidate]) -> Candidate? {
        guard candidates.count > 1 else { return candidates.first }
        var remaining = candidates
        func keep<Key: Comparable>(smallest key: (Candidate) -> Key) {
            guard let best = remaining.map(key).min() else { return }
            remaining = remaining.filter { key($0) == best }
        }
        // The victims are sorted most important first, so the first has the highest priority.
        keep { $0.victims.first?.pod.schedulingPriority ?? .min }
        keep { $0.victims.reduce(Int64(0)) { $0 + Int64(Int32.max) + Int64($1.pod.schedulingPriority) + 1 } }
        keep { $0.victims.count }
        if remaining.count > 1 {
            // The latest "earliest start among the highest-priority victims" wins.
            let earliest = remaining.map { candidate -> Time in
                let top = candidate.victims.first?.pod.schedulingPriority ?? 0
                return candidate.victims.filter { $0.pod.schedulingPriority == top }.map { startTime($0.pod) }.min() ?? .now()
            }
            if let latest = earliest.max(), let index = earliest.firstIndex(of: latest) { return remaining[index] }
        }
        return remaining.first
    }
}
