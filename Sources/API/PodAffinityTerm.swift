// Stage 1 · API: which pods a pod wants to be near or away from (core/v1 `PodAffinityTerm`).
//
// A term selects pods by labels (in the pod's own namespace unless `namespaces` or
// `namespaceSelector` say otherwise) and names a topology key, a node label such as
// `kubernetes.io/hostname` or `topology.kubernetes.io/zone`: two nodes with the same
// value of that label are the same domain. The scheduler of stage 4 evaluates them.

/// Pods selected by labels, and the topology domain that "near" means.
public struct PodAffinityTerm: Sendable, Hashable {
    public var labelSelector: LabelSelectorSpec?
    public var namespaces: [String] = []
    public var topologyKey: String = ""
    public var namespaceSelector: LabelSelectorSpec?
    public var matchLabelKeys: [String] = []
    public var mismatchLabelKeys: [String] = []

    public init() {}
}

extension PodAffinityTerm: APIFields {
    public static let zero = PodAffinityTerm()
    public static let fields: [JSONField<PodAffinityTerm>] = [
        .pointer("labelSelector", \.labelSelector, "The pods this term is about."),
        .omitEmpty("namespaces", \.namespaces, "Namespaces to look for those pods in; by default the pod's own."),
        .always("topologyKey", \.topologyKey,
                "A node label: nodes with the same value of it form one domain, in which the selected pods count as near."),
        .pointer("namespaceSelector", \.namespaceSelector, "Namespaces to look in, selected by their labels."),
        .omitEmpty("matchLabelKeys", \.matchLabelKeys,
                   "Label keys whose values, taken from the incoming pod, are added to the selector."),
        .omitEmpty("mismatchLabelKeys", \.mismatchLabelKeys,
                   "Label keys whose values, taken from the incoming pod, the selected pods must not have."),
    ]
}

/// A pod affinity term with the weight a match adds to a node's score.
public struct WeightedPodAffinityTerm: Sendable, Hashable {
    public var weight: Int32 = 0
    public var podAffinityTerm = PodAffinityTerm()

    public init() {}
}

extension WeightedPodAffinityTerm: APIFields {
    public static let zero = WeightedPodAffinityTerm()
    public static let fields: [JSONField<WeightedPodAffinityTerm>] = [
        .always("weight", \.weight, "What satisfying the term adds to a node's score, from 1 to 100."),
        .structure("podAffinityTerm", \.podAffinityTerm, "The term."),
    ]
}
