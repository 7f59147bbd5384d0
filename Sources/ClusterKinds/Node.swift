// Stage 2 · ClusterKinds: a machine in the cluster (core/v1 `Node`).
//
// A node object is how a kubelet tells the API server "I exist, this is what I have":
// the kubelet registers its node when it starts, then keeps `status` fresh (conditions
// with heartbeats, capacity, addresses, versions). The spec is for the rest of the
// cluster: an administrator cordons a node (`unschedulable`) or taints it, and the
// scheduler (stage 4) reads both. Nodes are cluster-scoped: no namespace.

import API

/// A machine that runs pods; registered and updated by its kubelet, read by
/// `kubectl get nodes`, the scheduler and the node lifecycle controller.
public struct Node: Sendable, Hashable, Codable {
    /// The API version; `v1`.
    public var apiVersion: String
    /// The kind; `Node`.
    public var kind: String
    /// The node's name (its hostname, by convention), labels and the rest.
    public var metadata: ObjectMeta
    /// What the cluster asks of the node: schedulable or not, taints.
    public var spec: NodeSpec
    /// What the kubelet reports.
    public var status: NodeStatus

    /// Makes a node; `apiVersion` and `kind` default to `v1` and `Node`.
    public init(
        apiVersion: String = "v1", kind: String = "Node", metadata: ObjectMeta = ObjectMeta(),
        spec: NodeSpec = NodeSpec(), status: NodeStatus = NodeStatus()
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    private enum CodingKeys: String, CodingKey { case apiVersion, kind, metadata, spec, status }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try c.decode(.apiVersion, or: "")
        kind = try c.decode(.kind, or: "")
        metadata = try c.decode(.metadata, or: ObjectMeta())
        spec = try c.decode(.spec, or: NodeSpec())
        status = try c.decode(.status, or: NodeStatus())
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(apiVersion, forKey: .apiVersion)
        try c.encodeUnlessEmpty(kind, forKey: .kind)
        try c.encode(metadata, forKey: .metadata)
        try c.encode(spec, forKey: .spec)
        try c.encode(status, forKey: .status)
    }
}
