// Stage 3: the store remembers, and everyone watches.
//
// This is the composition root of stage 3. It runs stage 2's API server and kubelet,
// with three parts swapped for ones that watch instead of asking again:
//
//   - the store is wrapped in a `WatchableStore`, which remembers every write as an event,
//     and a `Compactor` beside the API server forgets that history on a timer (and under
//     it, a `GroupCommitStore` lets concurrent writes share one fsync);
//   - the API server's watch reads that history, one store watch per resource fanned out
//     to every client (the `Cacher`), instead of listing every 250 ms and comparing
//     (stage 2's `PollingWatch`);
//   - the kubelet's pods come from an informer (`InformerPodLister`): one list, then one
//     watch, instead of a list every 2 seconds (stage 2's `PollingPodLister`).
//
// With `--etcd` the store is a real etcd cluster instead (`EtcdStore`), which remembers on
// its own; nothing else changes, because only the API server touches the store.
//
//   stage3 [up]  [--port N] [--data-dir DIR | --etcd URL[,URL...]] [--etcd-compaction-interval DURATION] [--watch-cache=false]
//   stage3 apiserver [--port N] [--data-dir DIR | --etcd URL[,URL...]] [--etcd-compaction-interval DURATION] [--watch-cache=false]
//   stage3 kubelet --apiserver URL [--node-name NAME] [--port N] [--root DIR] [--manifests DIR]

import APIServer
import Client
import Common
import EtcdStore
import Foundation
import GroupCommit
import Kubelet
import KubeletAPI
import KubeletInformers
import ProcessRuntime
import Storage
import StoreWatch
import WatchCache

let commandLine = Array(CommandLine.arguments.dropFirst())
let command = commandLine.first.flatMap { $0.hasPrefix("-") ? nil : $0 } ?? "up"
let arguments = commandLine.first == command ? Array(commandLine.dropFirst()) : commandLine

let apiServerFlags = [
    Flag("port", "N", default: "8080", help: "the API server's port (Kubernetes' old insecure port)"),
    Flag("address", "IP", default: "127.0.0.1", help: "the API server's address; beyond loopback anyone can control the cluster"),
    Flag("data-dir", "DIR", default: ".cluster/stage3", help: "where the API server keeps the cluster's objects (and `up` the kubeconfig)"),
    Flag("etcd", "URL[,URL...]", default: "",
         help: "keep the cluster's objects in etcd, at these members' client URLs, instead of the data dir (kube-apiserver's --etcd-servers)"),
    Flag("watch-cache", "BOOL", default: "true",
         help: "serve watches from one watch cache per resource; false serves each from the store's history (kube-apiserver's flag)"),
    Flag("etcd-compaction-interval", "DURATION", default: "5m",
         help: "how often the API server compacts the store's history, forgetting what came before the last time; 0 never (kube-apiserver's flag)"),
]
let kubeletFlags = [
    Flag("apiserver", "URL", default: "http://127.0.0.1:8080", help: "the API server to take orders from"),
    Flag("node-name", "NAME", default: "node1", help: "this node's name"),
    Flag("kubelet-port", "N", default: "10255", help: "the kubelet's read-only HTTP port, where logs are served"),
    Flag("root", "DIR", default: ".cluster/stage3/node1", help: "where the kubelet keeps its state and the containers' logs"),
    Flag("manifests", "DIR", default: "Stages/Stage3/manifests", help: "the folder of static pod manifests"),
    Flag("file-check-frequency", "DURATION", default: "3s", help: "how often the manifest folder is read"),
    Flag("sync-frequency", "DURATION", default: "1s", help: "how often each pod is compared with its spec"),
    Flag("node-status-update-frequency", "DURATION", default: "10s", help: "how often the kubelet renews its node's status"),
    Flag("backoff-initial", "DURATION", default: "10s", help: "the first crash-loop back-off delay"),
    Flag("backoff-max", "DURATION", default: "5m", help: "the longest crash-loop back-off delay"),
    Flag("container-log-max-size", "SIZE", default: KubeletConfiguration.Defaults.containerLogMaxSize,
         help: "the size at which a container's log is rotated"),
    Flag("container-log-max-files", "N", default: "\(KubeletConfiguration.Defaults.containerLogMaxFiles)",
         help: "the most files a container's log keeps, the current one included"),
    Flag.switch("verbose", help: "also log debug lines, such as every request and event"),
]

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("stage3: \(message)\n".utf8))
    exit(2)
}

func parse(_ flags: [Flag], usage: String, summary: String) -> ParsedFlags {
    let parsed: ParsedFlags
    do { parsed = try ParsedFlags(arguments, flags: flags) } catch { fail("\(error) (see stage3 \(command) --help)") }
    if parsed.wantsHelp {
        print(Flag.helpText(usage: usage, summary: summary, flags: flags), terminator: "")
        exit(0)
    }
    return parsed
}

/// The resources stage 3's API server serves: stage 2's (`ResourceRegistration+Stage2.swift`).
let resources = ResourceRegistration.stage2Resources

/// The store that remembers: a real etcd with `--etcd`, else stage 2's durable store in
/// `--data-dir`, wrapped to remember. Only the API server ever holds it.
func makeStore(_ flags: ParsedFlags, logger: Logger) async throws -> any WatchableKeyValueStore {
    if let members = flags.string("etcd"), !members.isEmpty {
        // etcd keeps its own history, so it is used as it is; the key layout is Kubernetes'
        // (`/registry/pods/default/web`), and a resourceVersion is etcd's mod_revision.
        return try await EtcdStore(endpoints: members.split(separator: ",").map(String.init), logger: logger.labelled("etcd"))
    }
    let directory = URL(filePath: flags.string("data-dir")!, directoryHint: .isDirectory).appending(path: "store")
    let store = try DurableStore(directory: directory.path, logger: logger.labelled("storage"))
    // Concurrent writes share one fsync (`GroupCommitStore`); the history is told of each
    // write once it is on disk.
    return await WatchableStore(GroupCommitStore(store))
}

/// The API server and what runs beside it: its watch cache (the `Cacher`: one watch of
/// the store per resource, fanned out to every client; with `--watch-cache=false` each
/// client's watch reads the store's history itself) and the compactor that trims the
/// store's history (none for an interval of 0: kube-apiserver then leaves it to etcd's
/// operator).
struct ControlPlane {
    let apiServer: APIServer
    let cacher: Cacher?
    let compactor: Compactor<ContinuousClock>?

    init(_ flags: ParsedFlags, logger: Logger) async throws {
        let store = try await makeStore(flags, logger: logger)
        let watch: any WatchSource
        switch flags.string("watch-cache") {
        case "true": (cacher, watch) = { let cacher = Cacher(store: store); return (cacher, cacher) }()
        case "false": (cacher, watch) = (nil, StoreWatchSource(store: store))
        case let other: throw CommandLineError("flag --watch-cache expects true or false, got \(other ?? "nothing")")
        }
        apiServer = try APIServer(store: store, resources: resources, watch: watch,
                                  host: flags.string("address")!, port: try flags.int("port"), logger: logger)
        let interval = try flags.duration("etcd-compaction-interval")
        compactor = interval > .zero
            ? Compactor(store: store, interval: interval, clock: ContinuousClock(), logger: logger.labelled("compactor")) : nil
    }

    func run(in group: inout ThrowingDiscardingTaskGroup<any Error>) {
        let (apiServer, cacher, compactor) = (apiServer, cacher, compactor)
        group.addTask { try await apiServer.run() }
        if let cacher { group.addTask { await cacher.run() } }
        if let compactor { group.addTask { try await compactor.run() } }
    }
}

/// Builds a kubelet that runs static pods and the pods its informer sees bound to its node.
func makeKubelet(_ flags: ParsedFlags, logger: Logger) throws -> (Kubelet, KubeletAPIConnection, InformerPodLister) {
    let nodeName = flags.string("node-name")!
    let manifests = URL(filePath: flags.string("manifests")!, directoryHint: .isDirectory).standardizedFileURL
    try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
    let configuration = KubeletConfiguration(
        nodeName: nodeName,
        rootDirectory: URL(filePath: flags.string("root")!, directoryHint: .isDirectory).standardizedFileURL,
        manifestDirectory: manifests,
        port: try flags.int("kubelet-port"),
        fileCheckFrequency: try flags.duration("file-check-frequency"),
        syncFrequency: try flags.duration("sync-frequency"),
        backoff: .init(initial: try flags.duration("backoff-initial"), maximum: try flags.duration("backoff-max")))
    let client = try APIClient(server: flags.string("apiserver")!)
    let pods = InformerPodLister(client: client, nodeName: nodeName, logger: logger.labelled("api-pods"))
    let connection = KubeletAPIConnection(client: client, nodeName: nodeName, pods: pods,
                                          heartbeatInterval: try flags.duration("node-status-update-frequency"), logger: logger)
    let (logMaxSize, logMaxFiles) = try KubeletConfiguration.containerLogRotation(
        maxSize: flags.string("container-log-max-size")!, maxFiles: try flags.int("container-log-max-files"))
    let runtime = try ProcessRuntime(root: configuration.runtimeDirectory,
                                     logRotation: ContainerLogRotation(maxSize: logMaxSize, maxFiles: logMaxFiles),
                                     logger: logger.labelled("runtime"))
    let files = FileSource(directory: manifests, nodeName: nodeName, checkFrequency: configuration.fileCheckFrequency, logger: logger)
    let kubelet = try Kubelet(configuration: configuration, runtime: runtime, sources: [files, connection.podSource],
                              recorder: connection.eventRecorder, configObjects: connection.configObjects, logger: logger)
    return (kubelet, connection, pods)
}

/// Runs the kubelet, its API connection, and the informer's nudge when a worker finishes.
func runKubelet(_ kubelet: Kubelet, _ connection: KubeletAPIConnection, _ pods: InformerPodLister,
                in group: inout ThrowingDiscardingTaskGroup<any Error>) {
    group.addTask { try await kubelet.run() }
    group.addTask { try await connection.run(for: kubelet) }
    group.addTask { await pods.republishOnWorkerRemoval(of: kubelet) }
}

switch command {
case "apiserver":
    let flags = parse(apiServerFlags, usage: "stage3 apiserver [flags]", summary: "Runs the API server, its watch cache and its store's compactor.")
    let logger = Logger(label: "apiserver", level: flags.isSet("verbose") ? .debug : .info)
    do {
        let controlPlane = try await ControlPlane(flags, logger: logger)
        try await runUntilShutdownSignal(logger: logger) {
            try await withThrowingDiscardingTaskGroup { group in controlPlane.run(in: &group) }
        }
    } catch { fail("\(error)") }

case "kubelet":
    let flags = parse(kubeletFlags, usage: "stage3 kubelet --apiserver URL [flags]",
                      summary: "Runs a kubelet that registers its node and runs the pods bound to it, as it sees them.")
    let logger = Logger(label: "kubelet", level: flags.isSet("verbose") ? .debug : .info)
    do {
        let (kubelet, connection, pods) = try makeKubelet(flags, logger: logger)
        try await runUntilShutdownSignal(logger: logger) {
            try await withThrowingDiscardingTaskGroup { group in runKubelet(kubelet, connection, pods, in: &group) }
        }
    } catch { fail("\(error)") }

case "up":
    let flags = parse(apiServerFlags + kubeletFlags.filter { $0.name != "apiserver" },
                      usage: "stage3 [up] [flags]", summary: "Runs an API server and one kubelet, each watching.")
    let verbose = flags.isSet("verbose")
    let apiLogger = Logger(label: "apiserver", level: verbose ? .debug : .info)
    let kubeletLogger = Logger(label: "kubelet", level: verbose ? .debug : .info)
    do {
        let controlPlane = try await ControlPlane(flags, logger: apiLogger)
        let server = "http://127.0.0.1:\(controlPlane.apiServer.port)"
        let kubeconfig = URL(filePath: flags.string("data-dir")!).appending(path: "kubeconfig")
        try Kubeconfig(name: "stage3", server: server).write(to: kubeconfig)
        let kubeletParsed = try ParsedFlags(kubeletArguments(from: flags, server: server), flags: kubeletFlags)
        let (kubelet, connection, pods) = try makeKubelet(kubeletParsed, logger: kubeletLogger)
        apiLogger.info("kubeconfig written: use kubectl --kubeconfig \(kubeconfig.path) get pods")
        try await runUntilShutdownSignal(logger: apiLogger) {
            try await withThrowingDiscardingTaskGroup { group in
                controlPlane.run(in: &group)
                runKubelet(kubelet, connection, pods, in: &group)
            }
        }
    } catch { fail("\(error)") }

default:
    fail("unknown command \(command): try `stage3 --help`")
}

/// The kubelet's flags inside `up`: the shared ones as given, and the API server's URL.
func kubeletArguments(from flags: ParsedFlags, server: String) -> [String] {
    var result = ["--apiserver", server]
    for flag in kubeletFlags where flag.name != "apiserver" && flags.wasGiven(flag.name) {
        result += flag.isSwitch ? ["--\(flag.name)"] : ["--\(flag.name)", flags.string(flag.name)!]
    }
    return result
}
