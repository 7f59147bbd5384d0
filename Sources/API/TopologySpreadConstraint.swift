// Stage 1 · API: how evenly matching pods must spread over domains (core/v1 `TopologySpreadConstraint`).
//
// For the pods a selector matches, count them per domain (per value of `topologyKey`
// among the nodes); the "skew" is the largest count minus the smallest, and a pod may
// go only where the skew stays within `maxSkew` (or, with ScheduleAnyway, is preferred
// where it does). Evaluated by the scheduler of stage 4.

/// One spreading rule of a pod.
public struct TopologySpreadConstraint: Sendable, Hashable {
    public var maxSkew: Int32 = 0
    public var topologyKey: String = ""
    public var whenUnsatisfiable: UnsatisfiableConstraintAction?
    public var labelSelector: LabelSelectorSpec?
    public var minDomains: Int32?
    public var nodeAffinityPolicy: NodeInclusionPolicy?
    public var nodeTaintsPolicy: NodeInclusionPolicy?
    public var matchLabelKeys: [String] = []

    public init() {}
}

extension TopologySpreadConstraint: APIFields {
    public static let typeDescription = "How evenly the pods a selector matches must spread over the domains of a topology key."
    public static let zero = TopologySpreadConstraint()
    public static let fields: [JSONField<TopologySpreadConstraint>] = [
        .always("maxSkew", \.maxSkew, "How much more matching pods one domain may hold than the emptiest; at least 1."),
        .always("topologyKey", \.topologyKey, "The node label whose values are the domains."),
        .alwaysMember("whenUnsatisfiable", \.whenUnsatisfiable,
                      "DoNotSchedule keeps the pod pending; ScheduleAnyway places it, preferring domains that reduce the skew."),
        .pointer("labelSelector", \.labelSelector, "The pods that are counted."),
        .pointer("minDomains", \.minDomains, "The fewest domains to spread over, for DoNotSchedule."),
        .pointer("nodeAffinityPolicy", \.nodeAffinityPolicy,
                 "Whether nodes the pod's node affinity excludes count as domains: Honor (the default) or Ignore."),
        .pointer("nodeTaintsPolicy", \.nodeTaintsPolicy,
                 "Whether tainted nodes the pod does not tolerate count: Ignore (the default) or Honor."),
        .omitEmpty("matchLabelKeys", \.matchLabelKeys,
                   "Label keys whose values, taken from the incoming pod, narrow the selector."),
    ]
}
