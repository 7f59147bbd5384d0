// Stage 2 · ClusterKinds: one way to reach a node (core/v1 `NodeAddress`).
//
// A kubelet reports its hostname and IPs; the API server picks the InternalIP to reach
// the kubelet (for `kubectl logs`), and `kubectl get nodes -o wide` shows them.

/// A typed address of a node; reported by the kubelet, read by the API server and kubectl.
public struct NodeAddress: Sendable, Hashable, Codable {
    /// What kind of address this is. Always written; nil is Go's "".
    public var type: NodeAddressType?
    /// The address itself: an IP or a DNS name. Always written.
    public var address: String

    /// Makes an address.
    public init(type: NodeAddressType? = nil, address: String = "") {
        self.type = type
        self.address = address
    }

    private enum CodingKeys: String, CodingKey { case type, address }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decodeMember(.type)
        address = try c.decode(.address, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeAlways(type, forKey: .type)
        try c.encode(address, forKey: .address)
    }
}
