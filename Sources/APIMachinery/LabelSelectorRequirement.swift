// Stage 2 · APIMachinery: one `matchExpressions` entry of the API type `metav1.LabelSelector`.
//
// Objects that select others carry their selector as data, not text: a ReplicaSet's
// `spec.selector` is `{"matchLabels": {...}, "matchExpressions": [{"key": "tier",
// "operator": "In", "values": ["web"]}]}`. This is one entry of `matchExpressions`;
// `LabelSelector(matchLabels:matchExpressions:)` turns the whole into a selector.

/// A condition on one label as written in an object (`metav1.LabelSelectorRequirement`);
/// read by the controllers of stage 5 from ReplicaSets and Deployments.
public struct LabelSelectorRequirement: Sendable, Hashable, Codable {
    /// The label key.
    public var key: String
    /// `In`, `NotIn`, `Exists` or `DoesNotExist`.
    public var `operator`: String
    /// The values, for `In` and `NotIn`; empty otherwise.
    public var values: [String]

    /// Makes a requirement.
    public init(key: String, operator: String, values: [String] = []) {
        self.key = key
        self.operator = `operator`
        self.values = values
    }

    private enum CodingKeys: String, CodingKey { case key, `operator`, values }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decodeIfPresent(String.self, forKey: .key) ?? ""
        self.operator = try c.decodeIfPresent(String.self, forKey: .operator) ?? ""
        values = try c.decodeIfPresent([String].self, forKey: .values) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(self.operator, forKey: .operator)
        if !values.isEmpty { try c.encode(values, forKey: .values) }  // omitempty
    }
}
