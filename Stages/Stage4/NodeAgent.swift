// Stage 4: one node of the cluster: a kubelet, as stage 3 builds it, that advertises itself and renews its Lease.
//
// `up` makes N of these in one process and `stage4 kubelet` makes one; each has its own
// name, root folder, port and token. Stage 4 adds two things to stage 3's kubelet: what
// the node advertises may be set by flags (`--node-capacity`, `--node-labels`,
// `--register-with-taints`), so that scheduling decisions show on one machine whose
// cores every node shares, and the node renews its Lease in `kube-node-lease`.

import Client
import Common
import Foundation
import Kubelet
import KubeletAPI
import KubeletInformers
import KubeletNodes
import ProcessRuntime

/// One kubelet, as stage 3 builds it: static pods, and the pods its informer sees bound to its node.
struct NodeAgent {
    let kubelet: Kubelet
    let connection: KubeletAPIConnection
    let pods: InformerPodLister
    /// The node's heartbeat Lease in `kube-node-lease`, renewed every 10 s.
    let nodeLease: NodeLeaseController

    init(_ flags: ParsedFlags, logger: Logger, token: String?) throws {
        let nodeName = flags.string("node-name")!
        // Each node its own folder unless told: a second kubelet never shares the first's state.
        let root = URL(filePath: flags.string("root") ?? "\(defaultDataDirectory)/\(nodeName)", directoryHint: .isDirectory)
            .standardizedFileURL
        let manifests = flags.string("manifests").map { URL(filePath: $0, directoryHint: .isDirectory).standardizedFileURL }
            ?? root.appending(path: "manifests", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
        let configuration = KubeletConfiguration(
            nodeName: nodeName,
            rootDirectory: root,
            manifestDirectory: manifests,
            port: try flags.int("kubelet-port"),
            fileCheckFrequency: try flags.duration("file-check-frequency"),
            syncFrequency: try flags.duration("sync-frequency"),
            backoff: .init(initial: try flags.duration("backoff-initial"), maximum: try flags.duration("backoff-max")))
        let client = try APIClient(server: flags.string("apiserver")!, token: token)
        pods = InformerPodLister(client: client, nodeName: nodeName, logger: logger.labelled("api-pods"))
        var connection = KubeletAPIConnection(client: client, nodeName: nodeName, pods: pods,
                                              heartbeatInterval: try flags.duration("node-status-update-frequency"), logger: logger)
        // What the node advertises, when the flags say (`--node-capacity`, `--node-labels`,
        // `--register-with-taints`); else the machine, as in stage 3.
        connection.nodeAdvertiser = try AdvertisedNode(flags: flags)
        self.connection = connection
        nodeLease = NodeLeaseController(client: client, nodeName: nodeName, logger: logger.labelled("node-lease"))
        let (logMaxSize, logMaxFiles) = try KubeletConfiguration.containerLogRotation(
            maxSize: flags.string("container-log-max-size")!, maxFiles: try flags.int("container-log-max-files"))
        let runtime = try ProcessRuntime(root: configuration.runtimeDirectory,
                                         logRotation: ContainerLogRotation(maxSize: logMaxSize, maxFiles: logMaxFiles),
                                         logger: logger.labelled("runtime"))
        let files = FileSource(directory: manifests, nodeName: nodeName, checkFrequency: configuration.fileCheckFrequency, logger: logger)
        kubelet = try Kubelet(configuration: configuration, runtime: runtime, sources: [files, connection.podSource],
                              recorder: connection.eventRecorder, configObjects: connection.configObjects, logger: logger)
    }

    /// Runs the kubelet, its API connection, its node Lease, and the informer's nudge when a worker finishes.
    func run(in group: inout ThrowingDiscardingTaskGroup<any Error>) {
        let (kubelet, connection, pods, nodeLease) = (kubelet, connection, pods, nodeLease)
        group.addTask { try await kubelet.run() }
        group.addTask { try await connection.run(for: kubelet) }
        group.addTask { await pods.republishOnWorkerRemoval(of: kubelet) }
        group.addTask { try await nodeLease.run() }
    }
}
