// Stage 1 · API: one IP address of a pod or of its node (core/v1 `PodIP`, `HostIP`).
//
// Lists of these (`podIPs`, `hostIPs`) exist for dual-stack clusters, where a pod has
// an IPv4 and an IPv6 address. The two types are identical in shape and live together.

/// One address of a pod; written by the kubelet in `status.podIPs`.
public struct PodIP: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var ip: String

    public init(ip: String = "") { self.ip = ip }
}

extension PodIP: APIFields {
    public static let zero = PodIP()
    public static let fields: [JSONField<PodIP>] = [
        .always("ip", \.ip, "The address, IPv4 or IPv6."),
    ]
}

/// One address of the pod's node; written by the kubelet in `status.hostIPs`.
public struct HostIP: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var ip: String

    public init(ip: String = "") { self.ip = ip }
}

extension HostIP: APIFields {
    public static let zero = HostIP()
    public static let fields: [JSONField<HostIP>] = [
        .always("ip", \.ip, "The address, IPv4 or IPv6."),
    ]
}
