// Stage 2: the API server, and a kubelet that takes its orders from it.
//
// This is the composition root of stage 2. It adds the API server to stage 1's kubelet,
// and teaches the kubelet a second pod source: the pods the API server binds to its node.
// The two talk over HTTP only, even when `up` runs them in one process.
//
//   stage2 [up]  [--port N] [--data-dir DIR]          an API server and one kubelet
//   stage2 apiserver [--port N] [--data-dir DIR]
//   stage2 kubelet --apiserver URL [--node-name NAME] [--port N] [--root DIR] [--manifests DIR]
//                  [--api-poll-frequency DURATION]

import APIServer
import Client
import Common
import Foundation
import Kubelet
import KubeletAPI
import ProcessRuntime
import Storage

let commandLine = Array(CommandLine.arguments.dropFirst())
let command = commandLine.first.flatMap { $0.hasPrefix("-") ? nil : $0 } ?? "up"
let arguments = commandLine.first == command ? Array(commandLine.dropFirst()) : commandLine

let apiServerFlags = [
    Flag("port", "N", default: "8080", help: "the API server's port (Kubernetes' old insecure port)"),
    Flag("address", "IP", default: "127.0.0.1", help: "the API server's address; beyond loopback anyone can control the cluster"),
    Flag("data-dir", "DIR", default: ".cluster/stage2", help: "where the API server keeps the cluster's objects (and `up` the kubeconfig)"),
]
let kubeletFlags = [
    Flag("apiserver", "URL", default: "http://127.0.0.1:8080", help: "the API server to take orders from"),
    Flag("node-name", "NAME", default: "node1", help: "this node's name"),
    Flag("kubelet-port", "N", default: "10255", help: "the kubelet's read-only HTTP port, where logs are served"),
    Flag("root", "DIR", default: ".cluster/stage2/node1", help: "where the kubelet keeps its state and the containers' logs"),
    Flag("manifests", "DIR", default: "Stages/Stage2/manifests", help: "the folder of static pod manifests"),
    Flag("file-check-frequency", "DURATION", default: "3s", help: "how often the manifest folder is read"),
    Flag("sync-frequency", "DURATION", default: "1s", help: "how often each pod is compared with its spec"),
    Flag("api-poll-frequency", "DURATION", default: "2s", help: "how often the kubelet lists its node's pods from the API server"),
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
    FileHandle.standardError.write(Data("stage2: \(message)\n".utf8))
    exit(2)
}

func parse(_ flags: [Flag], usage: String, summary: String) -> ParsedFlags {
    let parsed: ParsedFlags
    do { parsed = try ParsedFlags(arguments, flags: flags) } catch { fail("\(error) (see stage2 \(command) --help)") }
    if parsed.wantsHelp {
        print(Flag.helpText(usage: usage, summary: summary, flags: flags), terminator: "")
        exit(0)
    }
    return parsed
}

/// The resources stage 2's API server serves, with their subresources: one line a kind, in
/// `ResourceRegistration+Stage2.swift`, so that stage 3 serves exactly the same.
let resources = ResourceRegistration.stage2Resources

/// Builds the API server over a durable store in `dataDirectory`, watching by polling.
func makeAPIServer(_ flags: ParsedFlags, logger: Logger) throws -> APIServer {
    let directory = URL(filePath: flags.string("data-dir")!, directoryHint: .isDirectory).appending(path: "store")
    let store = try DurableStore(directory: directory.path, logger: logger.labelled("storage"))
    return try APIServer(store: store, resources: resources, watch: PollingWatch(),
                         host: flags.string("address")!, port: try flags.int("port"), logger: logger)
}

/// Builds a kubelet that runs static pods and the pods the API server binds to its node.
func makeKubelet(_ flags: ParsedFlags, logger: Logger) throws -> (Kubelet, KubeletAPIConnection) {
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
    let pods = PollingPodLister(client: client, nodeName: nodeName, interval: try flags.duration("api-poll-frequency"),
                                logger: logger.labelled("api-pods"))
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
    return (kubelet, connection)
}

switch command {
case "apiserver":
    let flags = parse(apiServerFlags, usage: "stage2 apiserver [flags]", summary: "Runs the API server.")
    let logger = Logger(label: "apiserver", level: flags.isSet("verbose") ? .debug : .info)
    do {
        let apiServer = try makeAPIServer(flags, logger: logger)
        try await runUntilShutdownSignal(logger: logger) { try await apiServer.run() }
    } catch { fail("\(error)") }

case "kubelet":
    let flags = parse(kubeletFlags, usage: "stage2 kubelet --apiserver URL [flags]",
                      summary: "Runs a kubelet that registers its node and runs the pods bound to it.")
    let logger = Logger(label: "kubelet", level: flags.isSet("verbose") ? .debug : .info)
    do {
        let (kubelet, connection) = try makeKubelet(flags, logger: logger)
        try await runUntilShutdownSignal(logger: logger) {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { try await kubelet.run() }
                group.addTask { try await connection.run(for: kubelet) }
            }
        }
    } catch { fail("\(error)") }

case "up":
    let flags = parse(apiServerFlags + kubeletFlags.filter { $0.name != "apiserver" },
                      usage: "stage2 [up] [flags]", summary: "Runs an API server and one kubelet, talking over HTTP.")
    let verbose = flags.isSet("verbose")
    let apiLogger = Logger(label: "apiserver", level: verbose ? .debug : .info)
    let kubeletLogger = Logger(label: "kubelet", level: verbose ? .debug : .info)
    do {
        let apiServer = try makeAPIServer(flags, logger: apiLogger)
        let server = "http://127.0.0.1:\(apiServer.port)"
        let kubeconfig = URL(filePath: flags.string("data-dir")!).appending(path: "kubeconfig")
        try Kubeconfig(name: "stage2", server: server).write(to: kubeconfig)
        let kubeletParsed = try ParsedFlags(kubeletArguments(from: flags, server: server), flags: kubeletFlags)
        let (kubelet, connection) = try makeKubelet(kubeletParsed, logger: kubeletLogger)
        apiLogger.info("kubeconfig written: use kubectl --kubeconfig \(kubeconfig.path) get pods")
        try await runUntilShutdownSignal(logger: apiLogger) {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { try await apiServer.run() }
                group.addTask { try await kubelet.run() }
                group.addTask { try await connection.run(for: kubelet) }
            }
        }
    } catch { fail("\(error)") }

default:
    fail("unknown command \(command): try `stage2 --help`")
}

/// The kubelet's flags inside `up`: the shared ones as given, and the API server's URL.
func kubeletArguments(from flags: ParsedFlags, server: String) -> [String] {
    var result = ["--apiserver", server]
    for flag in kubeletFlags where flag.name != "apiserver" && flags.wasGiven(flag.name) {
        result += flag.isSwitch ? ["--\(flag.name)"] : ["--\(flag.name)", flags.string(flag.name)!]
    }
    return result
}
