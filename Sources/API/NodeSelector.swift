// Stage 1 · API: terms over node labels (core/v1 `NodeSelector` and its parts).
//
// A `NodeSelector` holds terms ORed together; each term holds requirements ANDed
// together, on the node's labels (`matchExpressions`) or fields (`matchFields`, only
// `metadata.name`). `Gt` and `Lt` compare a label's value as an integer. Used by node
// affinity, which the scheduler of stage 4 evaluates.

/// Terms of which a node must match at least one.
public struct NodeSelector: Sendable, Hashable {
    public var nodeSelectorTerms: [NodeSelectorTerm] = []

    public init() {}
}

extension NodeSelector: APIFields {
    public static let zero = NodeSelector()
    public static let fields: [JSONField<NodeSelector>] = [
        .always("nodeSelectorTerms", \.nodeSelectorTerms, "The terms, ORed: a node matching any one of them matches."),
    ]
}

/// Requirements that must all hold for a node to match.
public struct NodeSelectorTerm: Sendable, Hashable {
    public var matchExpressions: [NodeSelectorRequirement] = []
    public var matchFields: [NodeSelectorRequirement] = []

    public init() {}
}

extension NodeSelectorTerm: APIFields {
    public static let zero = NodeSelectorTerm()
    public static let fields: [JSONField<NodeSelectorTerm>] = [
        .omitEmpty("matchExpressions", \.matchExpressions, "Requirements on the node's labels."),
        .omitEmpty("matchFields", \.matchFields, "Requirements on the node's fields (metadata.name)."),
    ]
}

/// One condition on a node label or field.
public struct NodeSelectorRequirement: Sendable, Hashable {
    public var key: String = ""
    public var `operator`: NodeSelectorOperator?
    public var values: [String] = []

    public init() {}
}

extension NodeSelectorRequirement: APIFields {
    public static let zero = NodeSelectorRequirement()
    public static let fields: [JSONField<NodeSelectorRequirement>] = [
        .always("key", \.key, "The label key (or field name) the requirement is about."),
        .alwaysMember("operator", \.operator, "How the key relates to the values: In, NotIn, Exists, DoesNotExist, Gt or Lt."),
        .omitEmpty("values", \.values, "The values: several for In and NotIn, none for Exists and DoesNotExist, one integer for Gt and Lt."),
    ]
}

/// A node selector term with the weight a match adds to a node's score.
public struct PreferredSchedulingTerm: Sendable, Hashable {
    public var weight: Int32 = 0
    public var preference = NodeSelectorTerm()

    public init() {}
}

extension PreferredSchedulingTerm: APIFields {
    public static let zero = PreferredSchedulingTerm()
    public static let fields: [JSONField<PreferredSchedulingTerm>] = [
        .always("weight", \.weight, "What matching the term adds to a node's score, from 1 to 100."),
        .structure("preference", \.preference, "The term a node should match."),
    ]
}
