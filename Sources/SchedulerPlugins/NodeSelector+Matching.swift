// Stage 4 · SchedulerPlugins: whether a node matches a node selector (Kubernetes' component-helpers nodeaffinity).
//
// A required node affinity is a list of terms, ORed; each term's expressions are ANDed.
// An expression tests one node label: In, NotIn (an absent label passes), Exists,
// DoesNotExist, Gt and Lt (the label read as an integer). `matchFields` may test only
// `metadata.name`. A term with no expressions matches nothing, and so does a selector
// with no terms.

import API
import ClusterKinds

extension NodeSelectorRequirement {
    /// Whether a node with these labels satisfies this requirement.
    func matches(labels: [String: String]) -> Bool {
        let label = labels[key]
        switch self.operator {
        case .in: return label.map(values.contains) ?? false
        case .notIn: return label.map { !values.contains($0) } ?? true
        case .exists: return label != nil
        case .doesNotExist: return label == nil
        case .greaterThan, .lessThan:
            guard let label, let have = Int64(label), values.count == 1, let want = Int64(values[0]) else { return false }
            return self.operator == .greaterThan ? have > want : have < want
        case nil: return false
        }
    }

    /// Whether the node satisfies this `matchFields` requirement (only `metadata.name` is a field).
    func matches(fieldsOf node: Node) -> Bool {
        guard key == NodeSelectorTerm.nodeNameField else { return false }
        return matches(labels: [key: node.metadata.name])
    }
}

extension NodeSelectorTerm {
    /// The one field a `matchFields` requirement may name.
    static let nodeNameField = "metadata.name"

    /// Whether `node` satisfies every expression of this term; an empty term matches nothing.
    func matches(_ node: Node) -> Bool {
        if matchExpressions.isEmpty && matchFields.isEmpty { return false }
        let labels = node.metadata.labels
        return matchExpressions.allSatisfy { $0.matches(labels: labels) } && matchFields.allSatisfy { $0.matches(fieldsOf: node) }
    }
}

extension NodeSelector {
    /// Whether `node` satisfies any of the terms.
    func matches(_ node: Node) -> Bool {
        nodeSelectorTerms.contains { $0.matches(node) }
    }
}

extension Pod {
    /// Whether `node` satisfies the pod's `nodeSelector` and required node affinity
    /// (Kubernetes' RequiredNodeAffinity.Match); PodTopologySpread counts only such nodes.
    func requiredNodeAffinityMatches(_ node: Node) -> Bool {
        let labels = node.metadata.labels
        for (key, value) in spec.nodeSelector where labels[key] != value { return false }
        if let required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution {
            return required.matches(node)
        }
        return true
    }
}
