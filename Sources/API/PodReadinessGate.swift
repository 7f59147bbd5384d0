// Stage 1 · API: what else a pod waits for (core/v1 `PodReadinessGate`, `PodSchedulingGate`, `PodOS`).
//
// A readiness gate names a condition that some controller sets on the pod: the pod is
// Ready only when that condition is True as well. A scheduling gate keeps a pod from
// being scheduled until whoever added it removes it. `os` says which operating system
// the pod needs, which decides which fields validation allows.

/// A pod condition that must be True for the pod to be Ready.
public struct PodReadinessGate: Sendable, Hashable {
    public var conditionType: PodConditionType = ""

    public init() {}
}

extension PodReadinessGate: APIFields {
    public static let zero = PodReadinessGate()
    public static let fields: [JSONField<PodReadinessGate>] = [
        .always("conditionType", \.conditionType, "The type of a condition in the pod's status.conditions."),
    ]
}

/// A named gate that holds the pod back from scheduling while present.
public struct PodSchedulingGate: Sendable, Hashable {
    public var name: String = ""

    public init() {}
}

extension PodSchedulingGate: APIFields {
    public static let zero = PodSchedulingGate()
    public static let fields: [JSONField<PodSchedulingGate>] = [
        .always("name", \.name, "The gate's name; unique among the pod's gates."),
    ]
}

/// The operating system a pod's containers need.
public struct PodOS: Sendable, Hashable {
    public var name: OSName?

    public init() {}
}

extension PodOS: APIFields {
    public static let zero = PodOS()
    public static let fields: [JSONField<PodOS>] = [
        .alwaysMember("name", \.name, "linux or windows."),
    ]
}
