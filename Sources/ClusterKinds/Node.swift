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
public struct Node: Sendable, Hashable {
    public var apiVersion: String
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
}

extension Node: APIFields {
    public static let zero = Node(apiVersion: "", kind: "")
    public static let fields: [JSONField<Node>] = [
        .omitEmpty("apiVersion", \.apiVersion),
        .omitEmpty("kind", \.kind),
        .structure("metadata", \.metadata),
        .structure("spec", \.spec),
        .structure("status", \.status),
    ]
}
