// Stage 2 · ClusterKinds: what the cluster asks of a node (core/v1 `NodeSpec`).
//
// Left out: `configSource` (dynamic kubelet config, removed) and `externalID`
// (deprecated). Every field here is `omitempty`, so a fresh node's spec is `{}`.

import API

/// A node's desired state; written by administrators (`kubectl cordon`, `kubectl taint`)
/// and by the node IPAM controller (`podCIDR`), read by the scheduler (stage 4).
public struct NodeSpec: Sendable, Hashable {
    /// The range of pod IPs assigned to this node.
    public var podCIDR: String = ""
    /// The pod IP ranges assigned to this node, one per IP family; `podCIDRs[0]` equals `podCIDR`.
    public var podCIDRs: [String] = []
    /// The cloud provider's id for the machine, `<provider>://<id>`.
    public var providerID: String = ""
    /// True when new pods must not be scheduled here (`kubectl cordon`).
    public var unschedulable: Bool = false
    /// Marks that repel pods which do not tolerate them.
    public var taints: [Taint] = []

    public init() {}
}

extension NodeSpec: APIFields {
    public static let zero = NodeSpec()
    public static let fields: [JSONField<NodeSpec>] = [
        .omitEmpty("podCIDR", \.podCIDR),
        .omitEmpty("podCIDRs", \.podCIDRs),
        .omitEmpty("providerID", \.providerID),
        .omitEmpty("unschedulable", \.unschedulable),
        .omitEmpty("taints", \.taints),
    ]
}
