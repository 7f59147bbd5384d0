// Stage 4 · SchedulerPlugins: pods that want, or refuse, to be near other pods.
//
// Affinity: "put me in a zone that already runs app=cache". Anti-affinity: "never put
// me on a host that runs another app=web". Both are about domains of a topology key,
// and both cut both ways: a newcomer must also respect the anti-affinity of the pods
// already there. PreFilter counts, per (key, value) domain, once per pod:
//
//   - existing pods whose required anti-affinity terms match the newcomer,
//   - existing pods that match all of the newcomer's required affinity terms,
//   - existing pods that match one of the newcomer's anti-affinity terms,
//
// and Filter looks up the node's domains in those counts. A pod with an affinity to
// its own labels may be the first of its group: if no pod anywhere matches, it may go
// anywhere that has the keys. A pod with no terms, in a cluster with no required
// anti-affinity, skips Filter altogether. Score is in InterPodAffinity+Score.swift.

import API
import SchedulerFramework

/// PreFilter + Filter on required (anti-)affinity; PreScore + Score (weight 2) on preferred terms.
public struct InterPodAffinity: PreFilterPlugin, FilterPlugin {
    public static let errReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules"
    public static let errReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules"
    public static let errReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules"
    /// The score an existing pod's *required* affinity to the newcomer adds (Kubernetes' hardPodAffinityWeight).
    public static let hardPodAffinityWeight: Int64 = 1

    public var name: String { PluginName.interPodAffinity }

    public init() {}

    struct TopologyPair: Hashable, Sendable {
        var key: String
        var value: String
    }

    struct PreFilterState: Sendable {
        var podInfo: PodInfo
        var existingAntiAffinityCounts: [TopologyPair: Int]
        var affinityCounts: [TopologyPair: Int]
        var antiAffinityCounts: [TopologyPair: Int]
    }

    public func preFilter(_ state: CycleState, _ pod: Pod, _ snapshot: Snapshot) -> (PreFilterResult?, Status) {
        let podInfo = PodInfo(pod)
        let hasTerms = !podInfo.requiredAffinityTerms.isEmpty || !podInfo.requiredAntiAffinityTerms.isEmpty
        if !hasTerms && snapshot.havePodsWithRequiredAntiAffinityNodeInfoList.isEmpty { return (nil, Status(.skip)) }
        var existing: [TopologyPair: Int] = [:]
        for index in snapshot.havePodsWithRequiredAntiAffinityNodeInfoList {
            let nodeInfo = snapshot.nodeInfoList[index]
            for existingPod in nodeInfo.podsWithRequiredAntiAffinity {
                for term in existingPod.requiredAntiAffinityTerms where term.matches(pod) {
                    if let value = nodeInfo.node.metadata.labels[term.topologyKey] {
                        existing[TopologyPair(key: term.topologyKey, value: value), default: 0] += 1
                    }
                }
            }
        }
        var affinity: [TopologyPair: Int] = [:]
        var antiAffinity: [TopologyPair: Int] = [:]
        if hasTerms {
            for nodeInfo in snapshot.nodeInfoList {
                let labels = nodeInfo.node.metadata.labels
                for existingPod in nodeInfo.pods {
                    let other = existingPod.pod
                    if !podInfo.requiredAffinityTerms.isEmpty && podInfo.requiredAffinityTerms.allSatisfy({ $0.matches(other) }) {
                        for term in podInfo.requiredAffinityTerms {
                            if let value = labels[term.topologyKey] {
                                affinity[TopologyPair(key: term.topologyKey, value: value), default: 0] += 1
                            }
                        }
                    }
                    for term in podInfo.requiredAntiAffinityTerms where term.matches(other) {
                        if let value = labels[term.topologyKey] {
                            antiAffinity[TopologyPair(key: term.topologyKey, value: value), default: 0] += 1
                        }
                    }
                }
            }
        }
        if !hasTerms && existing.isEmpty { return (nil, Status(.skip)) }
        state.write(name, PreFilterState(podInfo: podInfo, existingAntiAffinityCounts: existing,
                                         affinityCounts: affinity, antiAffinityCounts: antiAffinity))
        return (nil, .success)
    }

    public func filter(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> Status {
        guard let preFilter = state.read(name, as: PreFilterState.self) else {
            return .error("reading \"PreFilter\(name)\" from cycleState: not found")
        }
        let labels = nodeInfo.node.metadata.labels
        if !satisfiesPodAffinity(preFilter, labels) {
            return Status(.unschedulableAndUnresolvable, Self.errReasonAffinityRulesNotMatch)
        }
        for term in preFilter.podInfo.requiredAntiAffinityTerms {
            if let value = labels[term.topologyKey],
               preFilter.antiAffinityCounts[TopologyPair(key: term.topologyKey, value: value), default: 0] > 0 {
                return Status(.unschedulable, Self.errReasonAntiAffinityRulesNotMatch)
            }
        }
        if !preFilter.existingAntiAffinityCounts.isEmpty {
            for (key, value) in labels where preFilter.existingAntiAffinityCounts[TopologyPair(key: key, value: value), default: 0] > 0 {
                return Status(.unschedulable, Self.errReasonExistingAntiAffinityRulesNotMatch)
            }
        }
        return .success
    }

    private func satisfiesPodAffinity(_ preFilter: PreFilterState, _ labels: [String: String]) -> Bool {
        let terms = preFilter.podInfo.requiredAffinityTerms
        var podsExist = true
        for term in terms {
            guard let value = labels[term.topologyKey] else { return false }
            if preFilter.affinityCounts[TopologyPair(key: term.topologyKey, value: value), default: 0] <= 0 { podsExist = false }
        }
        if podsExist { return true }
        // The first pod of a group with affinity to itself may go anywhere that has the keys.
        return preFilter.affinityCounts.isEmpty && terms.allSatisfy { $0.matches(preFilter.podInfo.pod) }
    }
}
