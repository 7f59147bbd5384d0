// Stage 1 · API: how much CPU and memory a container asks for (core/v1 `ResourceRequirements`).
//
// Requests are what the scheduler reserves (stage 4); limits are what the kubelet
// enforces through cgroups. Keys are resource names such as `cpu` and `memory`.
// Left out: `claims` (dynamic resource allocation).

/// A container's resource requests and limits; read by the scheduler and the kubelet.
public struct ResourceRequirements: Sendable, Hashable {
    /// The most the container may use, by resource name.
    public var limits: [String: Quantity]
    /// What the container is guaranteed, by resource name.
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
        .omitEmpty("limits", \.limits),
        .omitEmpty("requests", \.requests),
    ]
}
