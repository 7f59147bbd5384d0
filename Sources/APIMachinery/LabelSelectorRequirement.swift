// Stage 2 · APIMachinery: one `matchExpressions` entry of the API type `metav1.LabelSelector`.
//
// Objects that select others carry their selector as data, not text: a ReplicaSet's
// `spec.selector` is `{"matchLabels": {...}, "matchExpressions": [{"key": "tier",
// "operator": "In", "values": ["web"]}]}`. This is one entry of `matchExpressions`;
// `LabelSelector(matchLabels:matchExpressions:)` turns the whole into a selector.

import API

/// A condition on one label as written in an object (`metav1.LabelSelectorRequirement`);
/// read by the controllers of stage 5 from ReplicaSets and Deployments.
public struct LabelSelectorRequirement: Sendable, Hashable {
    public var key: String
    /// `In`, `NotIn`, `Exists` or `DoesNotExist`.
    public var `operator`: String
    /// The values, for `In` and `NotIn`; empty otherwise.
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
        .always("key", \.key),
        .always("operator", \.operator),
        .omitEmpty("values", \.values),
    ]
}
