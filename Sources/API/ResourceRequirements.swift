// Stage 1 · API: how much CPU and memory a container asks for (core/v1 `ResourceRequirements`).
//
// Requests are what the scheduler reserves (stage 4); limits are what the kubelet
// enforces through cgroups. Keys are resource names such as `cpu` and `memory`.
// Left out: `claims` (dynamic resource allocation).

/// A container's resource requests and limits; read by the scheduler and the kubelet.
public struct ResourceRequirements: Sendable, Hashable, Codable {
    /// The most the container may use, by resource name.
    public var limits: [String: Quantity]
    /// What the container is guaranteed, by resource name.
    public var requests: [String: Quantity]

    /// Makes resource requirements; both empty by default.
    public init(limits: [String: Quantity] = [:], requests: [String: Quantity] = [:]) {
        self.limits = limits
        self.requests = requests
    }

    private enum CodingKeys: String, CodingKey { case limits, requests }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        limits = try c.decode(.limits, or: [:])
        requests = try c.decode(.requests, or: [:])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(limits, forKey: .limits)
        try c.encodeUnlessEmpty(requests, forKey: .requests)
    }
}
