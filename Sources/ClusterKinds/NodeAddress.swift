// Stage 2 · ClusterKinds: one way to reach a node (core/v1 `NodeAddress`).
//
// A kubelet reports its hostname and IPs; the API server picks the InternalIP to reach
// the kubelet (for `kubectl logs`), and `kubectl get nodes -o wide` shows them.

import API

/// A typed address of a node; reported by the kubelet, read by the API server and kubectl.
public struct NodeAddress: Sendable, Hashable {
    /// What kind of address this is.
    public var type: NodeAddressType?
    /// The address itself: an IP or a DNS name.
    public var address: String

    public init(type: NodeAddressType? = nil, address: String = "") {
        self.type = type
        self.address = address
    }
}

extension NodeAddress: APIFields {
    public static let zero = NodeAddress()
    public static let fields: [JSONField<NodeAddress>] = [
        .alwaysMember("type", \.type),
        .always("address", \.address),
    ]
}
