// Stage 1 · API: where a pod would like to run, relative to nodes and other pods
// (core/v1 `Affinity`, `NodeAffinity`, `PodAffinity`, `PodAntiAffinity`).
//
// Node affinity is a richer `nodeSelector`: terms over node labels, required or
// preferred with a weight. Pod affinity and anti-affinity place a pod near, or away
// from, pods matching a label selector, in the same topology domain (a node, a zone:
// the value of `topologyKey` on the node). "IgnoredDuringExecution" in the names says
// that a running pod is never moved when labels change later. The scheduler of
// stage 4 reads them; until then they are kept and shown, as Kubernetes keeps them.

/// A pod's scheduling constraints; each part is optional.
public struct Affinity: Sendable, Hashable {
    public var nodeAffinity: NodeAffinity?
    public var podAffinity: PodAffinity?
    public var podAntiAffinity: PodAntiAffinity?

    public init() {}
}

extension Affinity: APIFields {
    public static let typeDescription = "Where the pod would like to run: rules on node labels and on the pods already running nearby."
    public static let zero = Affinity()
    public static let fields: [JSONField<Affinity>] = [
        .pointer("nodeAffinity", \.nodeAffinity, "Rules on the labels of the node the pod goes to."),
        .pointer("podAffinity", \.podAffinity, "Rules that place the pod in the same domain as other pods."),
        .pointer("podAntiAffinity", \.podAntiAffinity, "Rules that keep the pod out of the domains of other pods."),
    ]
}

/// Rules on node labels: required ones filter nodes, preferred ones score them.
public struct NodeAffinity: Sendable, Hashable {
    public var requiredDuringSchedulingIgnoredDuringExecution: NodeSelector?
    public var preferredDuringSchedulingIgnoredDuringExecution: [PreferredSchedulingTerm] = []

    public init() {}
}

extension NodeAffinity: APIFields {
    public static let zero = NodeAffinity()
    public static let fields: [JSONField<NodeAffinity>] = [
        .pointer("requiredDuringSchedulingIgnoredDuringExecution", \.requiredDuringSchedulingIgnoredDuringExecution,
                 "Terms of which a node must match at least one for the pod to be scheduled there."),
        .omitEmpty("preferredDuringSchedulingIgnoredDuringExecution", \.preferredDuringSchedulingIgnoredDuringExecution,
                   "Weighted terms: a node matching more weight is preferred, but none is required."),
    ]
}

/// Rules that attract a pod to domains holding pods that match a selector.
public struct PodAffinity: Sendable, Hashable {
    public var requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm] = []
    public var preferredDuringSchedulingIgnoredDuringExecution: [WeightedPodAffinityTerm] = []

    public init() {}
}

extension PodAffinity: APIFields {
    public static let zero = PodAffinity()
    public static let fields: [JSONField<PodAffinity>] = [
        .omitEmpty("requiredDuringSchedulingIgnoredDuringExecution", \.requiredDuringSchedulingIgnoredDuringExecution,
                   "Terms that must all hold: the pod goes only where matching pods run."),
        .omitEmpty("preferredDuringSchedulingIgnoredDuringExecution", \.preferredDuringSchedulingIgnoredDuringExecution,
                   "Weighted terms the scheduler tries to satisfy."),
    ]
}

/// Rules that repel a pod from domains holding pods that match a selector (spreading
/// replicas over nodes or zones).
public struct PodAntiAffinity: Sendable, Hashable {
    public var requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm] = []
    public var preferredDuringSchedulingIgnoredDuringExecution: [WeightedPodAffinityTerm] = []

    public init() {}
}

extension PodAntiAffinity: APIFields {
    public static let zero = PodAntiAffinity()
    public static let fields: [JSONField<PodAntiAffinity>] = [
        .omitEmpty("requiredDuringSchedulingIgnoredDuringExecution", \.requiredDuringSchedulingIgnoredDuringExecution,
                   "Terms that must all hold: the pod never goes where matching pods run."),
        .omitEmpty("preferredDuringSchedulingIgnoredDuringExecution", \.preferredDuringSchedulingIgnoredDuringExecution,
                   "Weighted terms the scheduler tries to satisfy."),
    ]
}
