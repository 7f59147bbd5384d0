// Stage 2 · KubeletAPI: the node's registration and heartbeat.
//
// A kubelet announces its node to the API server when it starts (Kubernetes'
// `registerWithAPIServer`): it creates the Node object, or, when one of that name exists
// already (the kubelet restarted), takes it over by updating it. Then, every
// `heartbeatInterval`, it rewrites the node's status with `PUT /api/v1/nodes/{name}/status`:
// the `Ready` condition's `lastHeartbeatTime` moves on, its `lastTransitionTime` stays
// (nothing changed). The node lifecycle controller (stage 5) notices a heartbeat that
// stops, and `kubectl get nodes` shows the node NotReady.
//
// What the node reports (capacity, addresses, versions) is built in
// `NodeStatusReporter+Status.swift`.

import API
import Client
import ClusterKinds
import Common
import Kubelet

/// Registers this kubelet's Node and keeps its status fresh; run by `KubeletAPIConnection`.
public struct NodeStatusReporter: Sendable {
    /// The client it writes with.
    public let client: APIClient
    /// The node's name.
    public let nodeName: String
    /// The port of the kubelet's HTTP API, reported as `daemonEndpoints.kubeletEndpoint.Port`.
    public let kubeletPort: Int
    /// How long between two status updates.
    public let heartbeatInterval: Duration
    /// The machine it reports.
    public let machine: MachineInfo
    private let logger: Logger
    // Stage 4 > the scheduler fits pods into what a node advertises, so a later stage may set a node's size, labels and taints
    /// What a later stage changes in the node this kubelet advertises; nil (stages 2 and 3) changes nothing.
    public var advertiser: (any NodeAdvertiser)? = nil
    // Stage 4 <

    /// Makes a reporter for `nodeName`.
    public init(
        client: APIClient, nodeName: String, kubeletPort: Int,
        heartbeatInterval: Duration = KubeletConfiguration.Defaults.nodeStatusUpdateFrequency,
        machine: MachineInfo = .current(), logger: Logger
    ) {
        self.client = client
        self.nodeName = nodeName
        self.kubeletPort = kubeletPort
        self.heartbeatInterval = heartbeatInterval
        self.machine = machine
        self.logger = logger
    }

    /// Registers the node (retrying until the API server answers), then heartbeats until cancelled.
    public func run() async throws {
        while true {
            do {
                try await register()
                break
            } catch {
                logger.warning("cannot register node, will retry", ["node": nodeName, "error": error])
                try await Task.sleep(for: heartbeatInterval)
            }
        }
        while true {
            try await Task.sleep(for: heartbeatInterval)
            do {
                try await renew()
            } catch {
                logger.warning("cannot update node status", ["node": nodeName, "error": error])
            }
        }
    }

    /// Creates the Node, or updates the one already there (a restarted kubelet).
    func register() async throws(APIError) {
        let node = makeNode(now: .now())
        do {
            // Stage 4 > the node's own labels and taints go on only when it is created: on a restart, the administrator's changes stay
            let node = advertiser.map { $0.registering(node) } ?? node
            // Stage 4 <
            let created = try await client.create(node)
            logger.info("registered node", ["node": nodeName, "uid": created.metadata.uid])
        } catch let error where error.isAlreadyExists {
            var existing = try await client.get(Node.self, name: nodeName)
            existing.metadata.labels.merge(node.metadata.labels) { _, new in new }
            existing = try await client.update(existing)
            existing.status = node.status
            try await client.updateStatus(existing)
            logger.info("node already registered; updated it", ["node": nodeName])
        }
    }

    /// One heartbeat: read the node, refresh its status, write it back.
    ///
    /// Reading first gives the current resourceVersion and keeps what others wrote
    /// (an administrator's labels, the controller's conditions) out of harm's way.
    func renew() async throws(APIError) {
        var node = try await client.get(Node.self, name: nodeName)
        node.status = refreshedStatus(node.status, now: .now())
        try await client.updateStatus(node)
    }
}

// Stage 4 > the scheduler fits pods into what a node advertises, so a later stage may set a node's size, labels and taints
/// A later stage's say in the node a kubelet advertises (stage 4's `AdvertisedNode`, from
/// `--node-capacity`, `--node-labels` and `--register-with-taints`).
public protocol NodeAdvertiser: Sendable {
    /// The Node to create, from the one the kubelet would create: called only when the
    /// node does not exist yet, so that what an administrator changed later survives restarts.
    func registering(_ node: Node) -> Node
    /// The status to write, from the one the kubelet made: called on every status write.
    func reporting(_ status: NodeStatus) -> NodeStatus
}
// Stage 4 <
