// Stage 2 · ClusterKinds: what a kubelet reports about its node (core/v1 `NodeStatus`).
//
// The kubelet fills this in when it registers and refreshes it on every heartbeat:
// how much CPU, memory and pods the node has (`capacity`) and offers to pods
// (`allocatable`), whether it is Ready, how to reach it, and what it runs.
// `daemonEndpoints` and `nodeInfo` are structs, so they are written even when empty.
// Left out: `volumesInUse`, `volumesAttached`, `config`, `runtimeHandlers`, `features`.

import API

/// A node's observed state; written by its kubelet, read by `kubectl get nodes`
/// (STATUS, VERSION), the scheduler (allocatable) and the node lifecycle controller.
public struct NodeStatus: Sendable, Hashable {
    /// Everything the node has, by resource name (`cpu`, `memory`, `pods`, …).
    public var capacity: [String: Quantity] = [:]
    /// What is left for pods once the system's reservations are taken out.
    public var allocatable: [String: Quantity] = [:]
    /// Deprecated and never set by Kubernetes; kept so old objects decode.
    public var phase: NodePhase?
    /// Ready, MemoryPressure, DiskPressure, PIDPressure…, each with its heartbeat.
    public var conditions: [NodeCondition] = []
    /// How the node can be reached.
    public var addresses: [NodeAddress] = []
    /// The ports the node's daemons listen on; the API server reaches the kubelet there.
    public var daemonEndpoints: NodeDaemonEndpoints = NodeDaemonEndpoints()
    /// Versions and ids of the machine and its software.
    public var nodeInfo: NodeSystemInfo = NodeSystemInfo()
    /// The container images present on the node.
    public var images: [ContainerImage] = []

    public init() {}
}

extension NodeStatus: APIFields {
    public static let zero = NodeStatus()
    public static let fields: [JSONField<NodeStatus>] = [
        .omitEmpty("capacity", \.capacity),
        .omitEmpty("allocatable", \.allocatable),
        .member("phase", \.phase),
        .omitEmpty("conditions", \.conditions),
        .omitEmpty("addresses", \.addresses),
        .structure("daemonEndpoints", \.daemonEndpoints),
        .structure("nodeInfo", \.nodeInfo),
        .omitEmpty("images", \.images),
    ]
}
