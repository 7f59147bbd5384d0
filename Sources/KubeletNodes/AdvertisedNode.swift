// Stage 4 · KubeletNodes: the node a kubelet advertises, of a size and with labels chosen for it.
//
// Stage 4 runs several kubelets on one machine, and every one of them would report the
// machine's real cores and memory: three "nodes" of 2 CPUs each, sharing the same two.
// That is honest but teaches nothing about fitting, so each kubelet may say what it is:
//
//   --node-capacity cpu=2,memory=4Gi,pods=110,example.com/gpu=1   replaces what the machine reports
//   --node-labels disk=ssd,zone=a                                 added when the node is registered
//   --register-with-taints dedicated=gpu:NoSchedule               likewise (kubelet's flag)
//
// The capacity is advertised, not enforced: the containers still share the real machine.
// It is what the scheduler reads (allocatable equals capacity, since this kubelet reserves
// nothing). Labels and taints are set once, when the Node is created, as a real kubelet's
// are: afterwards they belong to the administrator (`kubectl label`, `kubectl taint`), and
// neither a heartbeat nor a restart puts them back. The kubelet's stage 2 reporter calls
// this through its `NodeAdvertiser` extension point; without these flags it is not given
// one, and stages 2 and 3 behave as before.

import API
import ClusterKinds
import KubeletAPI

/// What the flags say about this node; given to `KubeletAPIConnection.nodeAdvertiser`.
public struct AdvertisedNode: NodeAdvertiser, Hashable {
    /// Resources by name (`cpu`, `memory`, `pods`, `example.com/gpu`); each replaces the machine's figure.
    public var capacity: [String: Quantity]
    /// Labels added to the node when it is created; they win over the kubelet's own, as in Kubernetes.
    public var labels: [String: String]
    /// The taints the node is created with.
    public var taints: [Taint]

    public init(capacity: [String: Quantity] = [:], labels: [String: String] = [:], taints: [Taint] = []) {
        self.capacity = capacity
        self.labels = labels
        self.taints = taints
    }

    /// Whether the flags asked for nothing: then no advertiser is needed at all.
    public var isEmpty: Bool { capacity.isEmpty && labels.isEmpty && taints.isEmpty }

    public func registering(_ node: Node) -> Node {
        var node = node
        node.metadata.labels.merge(labels) { _, flag in flag }
        node.spec.taints = taints
        return node
    }

    public func reporting(_ status: NodeStatus) -> NodeStatus {
        var status = status
        status.capacity.merge(capacity) { _, flag in flag }
        status.allocatable = status.capacity
        return status
    }
}
