// Stage 1 · API: one `matchExpressions` entry of the API type `metav1.LabelSelector`.
//
// Objects that select others carry their selector as data, not text: a ReplicaSet's
// `spec.selector`, a pod affinity term's `labelSelector`, are `{"matchLabels": {...},
// "matchExpressions": [{"key": "tier", "operator": "In", "values": ["web"]}]}` (a
// `LabelSelectorSpec`). This is one entry of `matchExpressions`; stage 2's
// `LabelSelector(matchLabels:matchExpressions:)` turns the whole into a selector.

/// A condition on one label as written in an object (`metav1.LabelSelectorRequirement`);
/// read by the scheduler (stage 4) and the controllers of stage 5.
public struct LabelSelectorRequirement: Sendable, Hashable {
    public var key: String
    public var `operator`: String
    public var values: [String]

    public init(key: String, operator: String, values: [String] = []) {
        self.key = key
        self.operator = `operator`
        self.values = values
    }
}

extension LabelSelectorRequirement: APIFields {
    public static let zero = LabelSelectorRequirement(key: "", operator: "")
    public static let fields: [JSONField<LabelSelectorRequirement>] = [
        .always("key", \.key, "The label key the selector applies to."),
        .always("operator", \.operator, "How the key relates to the values: In, NotIn, Exists or DoesNotExist."),
        .omitEmpty("values", \.values, "The values, for In and NotIn; empty for Exists and DoesNotExist."),
    ]
}
