// Stage 4 · SchedulerFramework: a pod (anti-)affinity term, parsed once (Kubernetes' framework.AffinityTerm).
//
// "Run me in the same zone as pods labelled app=cache" is a PodAffinityTerm: a label
// selector, the namespaces it looks in, and a topology key (the node label whose value
// names the domain: a zone, a hostname). Checking it means matching the selector
// against many pods, so the selector is parsed when the pod enters the scheduler's
// cache, not in the loop. An empty `namespaces` list means the pod's own namespace; an
// empty `namespaceSelector` ({}) means every namespace.

import API
import APIMachinery

/// A pod affinity or anti-affinity term, ready to match pods.
public struct AffinityTerm: Sendable, Hashable {
    public var namespaces: Set<String>
    /// Nil when the term has no selector, or one that does not parse: it matches no pod.
    public var selector: LabelSelector?
    public var topologyKey: String
    /// Whether `namespaceSelector: {}` opened the term to every namespace.
    public var matchesAllNamespaces: Bool

    /// The term of `pod` (whose namespace fills in an empty namespace list).
    public init(_ term: PodAffinityTerm, of pod: Pod) {
        namespaces = Set(term.namespaces)
        if term.namespaces.isEmpty && term.namespaceSelector == nil { namespaces = [pod.metadata.namespace] }
        matchesAllNamespaces = term.namespaceSelector.map { $0.matchLabels.isEmpty && $0.matchExpressions.isEmpty } ?? false
        selector = term.labelSelector.flatMap {
            try? LabelSelector(matchLabels: $0.matchLabels, matchExpressions: $0.matchExpressions)
        }
        topologyKey = term.topologyKey
    }

    /// Whether `pod` is one of the pods this term is about.
    public func matches(_ pod: Pod) -> Bool {
        guard let selector else { return false }
        guard matchesAllNamespaces || namespaces.contains(pod.metadata.namespace) else { return false }
        return selector.matches(pod.metadata.labels)
    }
}

/// A preferred term and the weight (1-100) it adds to, or takes from, a node's score.
public struct WeightedAffinityTerm: Sendable, Hashable {
    public var term: AffinityTerm
    public var weight: Int32

    public init(_ term: WeightedPodAffinityTerm, of pod: Pod) {
        self.term = AffinityTerm(term.podAffinityTerm, of: pod)
        weight = term.weight
    }
}
