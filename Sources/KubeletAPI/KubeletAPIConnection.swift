// Stage 2 · KubeletAPI: everything that ties the kubelet to the API server, in one place.
//
// Stage 1's kubelet is complete on its own; stage 2 connects it to the cluster without
// rewriting it. The connection hands the kubelet three stage 1 extension points, a pod
// source, an event recorder and the ConfigMaps and Secrets of its pods, and runs the
// loops that report back:
//
//     let pods = PollingPodLister(client: client, nodeName: "node1", interval: .seconds(2), logger: logger)
//     let connection = KubeletAPIConnection(client: client, nodeName: "node1", pods: pods, logger: logger)
//     let kubelet = try Kubelet(configuration: …, runtime: …,
//                               sources: [fileSource, connection.podSource],
//                               recorder: connection.eventRecorder,
//                               configObjects: connection.configObjects, logger: logger)
//     group.addTask { try await kubelet.run() }
//     group.addTask { try await connection.run(for: kubelet) }
//
//   PodLister ─┬─► APIServerSource ──► kubelet (stage 1) ──► StatusManager ──► StatusSyncer ──► PUT pods/status
//              ├─► MirrorPodManager ──► mirror pods for static pods
//              └─► PodDeleter ──► final DELETE
//   NodeStatusReporter ──► POST/PUT nodes, heartbeat       APIEventRecorder ──► POST events

import API
import Client
import Common
import Kubelet

/// The kubelet's side of the API server: its pod source, its event recorder, and the
/// loops that report node, pod statuses and deletions. Made and run by the stage's `main`.
public struct KubeletAPIConnection: Sendable {
    /// The client every loop uses.
    public let client: APIClient
    /// The node this kubelet runs.
    public let nodeName: String
    /// The node's pods, read by the pod source, the mirror pod manager and the pod deleter.
    public let pods: any PodLister
    /// The `api` source to give the kubelet.
    public let podSource: APIServerSource
    /// The recorder to give the kubelet.
    public let eventRecorder: APIEventRecorder
    /// Where the kubelet reads the ConfigMaps and Secrets its pods refer to.
    public let configObjects: APIConfigObjectManager
    /// How long between two node status updates.
    public let heartbeatInterval: Duration
    private let logger: Logger
    // Stage 4 > the scheduler fits pods into what a node advertises, so a later stage may set a node's size, labels and taints
    /// What a later stage changes in the node this kubelet advertises; nil (stages 2 and 3) changes nothing.
    public var nodeAdvertiser: (any NodeAdvertiser)? = nil
    // Stage 4 <

    /// Makes the connection over the `pods` lister the stage chose; nothing is sent until `run(for:)`.
    public init(
        client: APIClient, nodeName: String, pods: any PodLister,
        heartbeatInterval: Duration = KubeletConfiguration.Defaults.nodeStatusUpdateFrequency, logger: Logger
    ) {
        self.client = client
        self.nodeName = nodeName
        self.pods = pods
        self.heartbeatInterval = heartbeatInterval
        self.logger = logger
        podSource = APIServerSource(pods: pods)
        eventRecorder = APIEventRecorder(client: client, nodeName: nodeName, logger: logger)
        configObjects = APIConfigObjectManager(client: client)
    }

    /// Runs the pod lister and every reporting loop for `kubelet` until cancelled.
    public func run(for kubelet: Kubelet) async throws {
        let statusSyncer = StatusSyncer(
            client: client, podManager: kubelet.podManager, statusManager: kubelet.statusManager,
            logger: logger.labelled("status-syncer"))
        let reporter = NodeStatusReporter(
            client: client, nodeName: nodeName, kubeletPort: kubelet.port, heartbeatInterval: heartbeatInterval,
            logger: logger.labelled("node-status"))
        let mirrors = MirrorPodManager(
            client: client, nodeName: nodeName, podManager: kubelet.podManager, statusSyncer: statusSyncer,
            logger: logger.labelled("mirror-pods"))
        let deleter = PodDeleter(
            client: client, nodeName: nodeName, podManager: kubelet.podManager, hasWorker: { await kubelet.hasWorker(forPod: $0) },
            logger: logger.labelled("pod-deleter"))
        try await withThrowingDiscardingTaskGroup { group in
            // Stage 4 > the reporter advertises what a later stage chose for this node
            let reporter = { var reporter = reporter; reporter.advertiser = nodeAdvertiser; return reporter }()
            // Stage 4 <
            group.addTask { try await pods.run() }
            group.addTask { try await reporter.run() }
            group.addTask { await statusSyncer.run() }
            group.addTask { await eventRecorder.run() }
            group.addTask { await mirrors.run(pods: pods) }
            group.addTask { await deleter.run(pods: pods) }
        }
    }
}
