// Stage 2 · APIMachinery: the selector an object carries (`metav1.LabelSelector`) as a selector.
//
// Kubernetes' LabelSelectorAsSelector: each `matchLabels` entry is a `key=value`
// requirement, each `matchExpressions` entry a set requirement, and all of them must
// hold. An empty selector selects everything. (Kubernetes also has a nil selector that
// selects nothing; callers that keep the field optional handle that case themselves.)

import API

extension LabelSelector {
    /// The operators a `matchExpressions` entry may use, and what they mean here.
    static let expressionOperators: [String: Operator] = [
        "In": .in, "NotIn": .notIn, "Exists": .exists, "DoesNotExist": .doesNotExist,
    ]

    /// Makes a selector from an object's `matchLabels` and `matchExpressions`; throws
    /// when a key, value or operator is invalid, in Kubernetes' words.
    public init(
        matchLabels: [String: String] = [:], matchExpressions: [LabelSelectorRequirement] = []
    ) throws(ParseError) {
        var requirements: [Requirement] = []
        for (key, value) in matchLabels.sorted(by: { $0.key < $1.key }) {
            requirements.append(try Self.validated(key: key, operator: .equals, values: [value]))
        }
        for expression in matchExpressions {
            guard let op = Self.expressionOperators[expression.operator] else {
                throw ParseError(message: "\"\(expression.operator)\" is not a valid label selector operator")
            }
            requirements.append(try Self.validated(key: expression.key, operator: op, values: expression.values))
        }
        self.init(requirements: requirements)
    }
}
