// Stage 1 · API: a label selector as an object writes it (apimachinery `metav1.LabelSelector`).
//
// `matchLabels` is shorthand for `key In (value)` requirements; all requirements must
// hold. An empty selector matches everything. Named `…Spec` because stage 2's
// `LabelSelector` is the parsed selector that lists and watches match with; this is
// the data a pod affinity term or a ReplicaSet carries.

/// The labels an object selects others by; read by the scheduler (affinity, spread) and
/// by the controllers of stage 5.
public struct LabelSelectorSpec: Sendable, Hashable {
    public var matchLabels: [String: String] = [:]
    public var matchExpressions: [LabelSelectorRequirement] = []

    public init() {}
}

extension LabelSelectorSpec: APIFields {
    public static let zero = LabelSelectorSpec()
    public static let fields: [JSONField<LabelSelectorSpec>] = [
        .omitEmpty("matchLabels", \.matchLabels, "Labels that must all be present with these values."),
        .omitEmpty("matchExpressions", \.matchExpressions, "Requirements on labels that must all hold."),
    ]
}
