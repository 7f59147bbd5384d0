// Stage 1 · API: one IP address of a pod or of its node (core/v1 `PodIP`, `HostIP`).
//
// Lists of these (`podIPs`, `hostIPs`) exist for dual-stack clusters, where a pod has
// an IPv4 and an IPv6 address. The two types are identical in shape and live together.

/// One address of a pod; written by the kubelet in `status.podIPs`.
public struct PodIP: Sendable, Hashable, Codable {
    /// The address, IPv4 or IPv6. Always written.
    public var ip: String

    /// Makes a pod IP.
    public init(ip: String = "") { self.ip = ip }

    private enum CodingKeys: String, CodingKey { case ip }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ip = try c.decode(.ip, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ip, forKey: .ip)
    }
}

/// One address of the pod's node; written by the kubelet in `status.hostIPs`.
public struct HostIP: Sendable, Hashable, Codable {
    /// The address, IPv4 or IPv6. Always written.
    public var ip: String

    /// Makes a host IP.
    public init(ip: String = "") { self.ip = ip }

    private enum CodingKeys: String, CodingKey { case ip }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ip = try c.decode(.ip, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ip, forKey: .ip)
    }
}
