// Stage 4 · SchedulerPlugins: spreads matching pods evenly over zones, hosts, or any topology key.
//
// A constraint `{maxSkew: 1, topologyKey: zone, labelSelector: app=web}` says: count the
// app=web pods in each zone; placing this pod must not leave any zone more than 1
// ahead of the emptiest. The zones ("domains") are the values of the key on the nodes
// the pod could use (those matching its node affinity, by default). PreFilter counts
// matching pods per domain once; Filter then checks one node in constant time:
//
//     skew = pods in the node's domain + (1 if the pod matches its own selector) − pods in the emptiest domain
//
// A node without the key cannot be placed in any domain: unresolvable. A skew too
// large is resolvable (evicting pods changes the counts). `DoNotSchedule` constraints
// are filters; `ScheduleAnyway` ones only score (PodTopologySpread+Score.swift).

import API
import APIMachinery
import ClusterKinds
import SchedulerFramework

/// PreFilter + Filter on DoNotSchedule constraints; PreScore + Score (weight 2) on ScheduleAnyway ones.
public struct PodTopologySpread: PreFilterPlugin, FilterPlugin {
    public static let errReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints"
    public static let errReasonNodeLabelNotMatch = errReasonConstraintsNotMatch + " (missing required label)"
    /// The node label that names a single node as its own domain.
    public static let hostnameLabel = "kubernetes.io/hostname"

    public var name: String { PluginName.podTopologySpread }

    public init() {}

    /// A constraint with its selector parsed and its policies resolved.
    struct Constraint: Sendable {
        var maxSkew: Int32
        var topologyKey: String
        var selector: LabelSelector?
        var minDomains: Int32
        var honorsNodeAffinity: Bool
        var honorsNodeTaints: Bool

        func matches(_ pod: Pod, namespace: String) -> Bool {
            guard let selector, pod.metadata.namespace == namespace, pod.metadata.deletionTimestamp == nil else {
                return false
            }
            return selector.matches(pod.metadata.labels)
        }
    }

    struct TopologyPair: Hashable, Sendable {
        var key: String
        var value: String
    }

    /// The pod's constraints with this `whenUnsatisfiable`, with `matchLabelKeys` folded into the selector.
    static func constraints(of pod: Pod, _ action: UnsatisfiableConstraintAction) -> [Constraint] {
        pod.spec.topologySpreadConstraints.filter { $0.whenUnsatisfiable == action }.map { constraint in
            var selector = constraint.labelSelector.flatMap {
                try? LabelSelector(matchLabels: $0.matchLabels, matchExpressions: $0.matchExpressions)
            }
            if var parsed = selector {
                for key in constraint.matchLabelKeys {
                    if let value = pod.metadata.labels[key] {
                        parsed.requirements.append(LabelSelector.Requirement(key: key, operator: .in, values: [value]))
                    }
                }
                selector = parsed
            }
            return Constraint(maxSkew: constraint.maxSkew, topologyKey: constraint.topologyKey, selector: selector,
                              minDomains: constraint.minDomains ?? 1,
                              honorsNodeAffinity: constraint.nodeAffinityPolicy != .ignore,
                              honorsNodeTaints: constraint.nodeTaintsPolicy == .honor)
        }
    }

    /// Whether the constraints count `node`: it has every key, and passes the policies.
    static func counts(_ node: Node, for pod: Pod, _ constraints: [Constraint]) -> Bool {
        let labels = node.metadata.labels
        guard constraints.allSatisfy({ labels[$0.topologyKey] != nil }) else { return false }
        if constraints.contains(where: \.honorsNodeAffinity) && !pod.requiredNodeAffinityMatches(node) { return false }
        if constraints.contains(where: \.honorsNodeTaints) {
            for taint in node.spec.taints where taint.effect == .noSchedule || taint.effect == .noExecute {
                if !pod.spec.tolerations.tolerate(taint) { return false }
            }
        }
        return true
    }

    struct PreFilterState: Sendable {
        var constraints: [Constraint]
        var matchNum: [TopologyPair: Int]
        /// The smallest count among each key's domains (0 when fewer domains than minDomains).
        var minMatchByKey: [String: Int]
    }

    public func preFilter(_ state: CycleState, _ pod: Pod, _ snapshot: Snapshot)
        -> (PreFilterResult?, SchedulerFramework.Status) {
        let constraints = Self.constraints(of: pod, .doNotSchedule)
        if constraints.isEmpty { return (nil, SchedulerFramework.Status(.skip)) }
        var matchNum: [TopologyPair: Int] = [:]
        for nodeInfo in snapshot.nodeInfoList where Self.counts(nodeInfo.node, for: pod, constraints) {
            for constraint in constraints {
                let pair = TopologyPair(key: constraint.topologyKey, value: nodeInfo.node.metadata.labels[constraint.topologyKey]!)
                let count = nodeInfo.pods.reduce(0) { $0 + (constraint.matches($1.pod, namespace: pod.metadata.namespace) ? 1 : 0) }
                matchNum[pair, default: 0] += count
            }
        }
        state.write(name, PreFilterState(constraints: constraints, matchNum: matchNum,
                                         minMatchByKey: Self.minMatchByKey(constraints, matchNum)))
        return (nil, .success)
    }

    /// The count of each key's emptiest domain; 0 when there are fewer domains than `minDomains`.
    static func minMatchByKey(_ constraints: [Constraint], _ matchNum: [TopologyPair: Int]) -> [String: Int] {
        var minMatchByKey: [String: Int] = [:]
        for constraint in constraints {
            let domains = matchNum.filter { $0.key.key == constraint.topologyKey }
            var minimum = domains.values.min() ?? 0
            if domains.count < Int(constraint.minDomains) { minimum = 0 }
            minMatchByKey[constraint.topologyKey] = min(minMatchByKey[constraint.topologyKey] ?? .max, minimum)
        }
        return minMatchByKey
    }

    public func filter(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> SchedulerFramework.Status {
        guard let preFilter = state.read(name, as: PreFilterState.self) else {
            return .error("reading \"PreFilter\(name)\" from cycleState: not found")
        }
        let labels = nodeInfo.node.metadata.labels
        for constraint in preFilter.constraints {
            guard let value = labels[constraint.topologyKey] else {
                return SchedulerFramework.Status(.unschedulableAndUnresolvable, Self.errReasonNodeLabelNotMatch)
            }
            let selfMatch = constraint.selector?.matches(pod.metadata.labels) == true ? 1 : 0
            let matchNum = preFilter.matchNum[TopologyPair(key: constraint.topologyKey, value: value)] ?? 0
            let minMatch = preFilter.minMatchByKey[constraint.topologyKey] ?? 0
            if matchNum + selfMatch - minMatch > Int(constraint.maxSkew) {
                return SchedulerFramework.Status(.unschedulable, Self.errReasonConstraintsNotMatch)
            }
        }
        return .success
    }
}
