// Stage 2 · ClusterKinds: what the cluster asks of a node (core/v1 `NodeSpec`).
//
// Left out: `configSource` (dynamic kubelet config, removed) and `externalID`
// (deprecated). Every field here is `omitempty`, so a fresh node's spec is `{}`.

/// A node's desired state; written by administrators (`kubectl cordon`, `kubectl taint`)
/// and by the node IPAM controller (`podCIDR`), read by the scheduler (stage 4).
public struct NodeSpec: Sendable, Hashable, Codable {
    /// The range of pod IPs assigned to this node.
    public var podCIDR: String
    /// The pod IP ranges assigned to this node, one per IP family; `podCIDRs[0]` equals `podCIDR`.
    public var podCIDRs: [String]
    /// The cloud provider's id for the machine, `<provider>://<id>`.
    public var providerID: String
    /// True when new pods must not be scheduled here (`kubectl cordon`).
    public var unschedulable: Bool
    /// Marks that repel pods which do not tolerate them.
    public var taints: [Taint]

    /// Makes a node spec; every field defaults to Go's zero value.
    public init(
        podCIDR: String = "", podCIDRs: [String] = [], providerID: String = "", unschedulable: Bool = false,
        taints: [Taint] = []
    ) {
        self.podCIDR = podCIDR
        self.podCIDRs = podCIDRs
        self.providerID = providerID
        self.unschedulable = unschedulable
        self.taints = taints
    }

    private enum CodingKeys: String, CodingKey { case podCIDR, podCIDRs, providerID, unschedulable, taints }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        podCIDR = try c.decode(.podCIDR, or: "")
        podCIDRs = try c.decode(.podCIDRs, or: [])
        providerID = try c.decode(.providerID, or: "")
        unschedulable = try c.decode(.unschedulable, or: false)
        taints = try c.decode(.taints, or: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(podCIDR, forKey: .podCIDR)
        try c.encodeUnlessEmpty(podCIDRs, forKey: .podCIDRs)
        try c.encodeUnlessEmpty(providerID, forKey: .providerID)
        try c.encodeUnlessEmpty(unschedulable, forKey: .unschedulable)
        try c.encodeUnlessEmpty(taints, forKey: .taints)
    }
}
