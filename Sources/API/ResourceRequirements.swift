// Stage 1 · API: how much CPU and memory a container asks for (core/v1 `ResourceRequirements`).
//
// Requests are what the scheduler reserves (stage 4); limits are what the kubelet
// enforces through cgroups. Keys are resource names such as `cpu` and `memory`.
// Left out: `claims` (dynamic resource allocation).

/// A container's resource requests and limits; read by the scheduler and the kubelet.
public struct ResourceRequirements: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var limits: [String: Quantity]
    public var requests: [String: Quantity]

    /// Makes resource requirements; both empty by default.
    public init(limits: [String: Quantity] = [:], requests: [String: Quantity] = [:]) {
        self.limits = limits
        self.requests = requests
    }
}

extension ResourceRequirements: APIFields {
    public static let zero = ResourceRequirements()
    public static let fields: [JSONField<ResourceRequirements>] = [
        .omitEmpty("limits", \.limits, "The most of each resource (cpu, memory) the container may use."),
        .omitEmpty("requests", \.requests, "The amount of each resource reserved for the container; by default its limit."),
    ]
}
