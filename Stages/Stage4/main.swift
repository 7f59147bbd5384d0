// Stage 4: the scheduler, on a cluster of several nodes.
//
// This is the composition root of stage 4: its commands and their flags. The parts it
// wires are in this folder, one file each:
//
//   ControlPlane.swift        stage 3's API server (the store that remembers, the watch
//                             cache, the compactor), serving `ResourceRegistration.stage4Resources`:
//                             stage 2's kinds, pods with `binding` and the Priority admission,
//                             PriorityClass and Lease (module `SchedulingRegistry`); at start-up
//                             it makes the system priority classes;
//   NodeAgent.swift           one node: stage 3's kubelet, advertising what its flags say and
//                             renewing its Lease; `up` runs N of them, `node1` … `nodeN`, each
//                             with its own root (`<data-dir>/nodeK`), port (`--kubelet-port` +
//                             K - 1: 10255, 10256, 10257; 0 lets each pick) and token
//                             (`system:node:nodeK`);
//   SchedulerComponent.swift  the scheduler, inside a leader election, in `up` and as
//                             `stage4 scheduler`.
//
// Static pods with several nodes: as in Kubernetes, each kubelet has its own folder of
// static manifests and runs what is in it on its own node. In `up`, node K reads
// `<data-dir>/nodeK/manifests`, except that `--manifests DIR`, when given, is node1's
// folder (the control-plane node's, where kubeadm puts the static control-plane pods).
//
//   stage4 [up]  [--nodes N] [--port N] [--data-dir DIR | --etcd URL[,URL...]] [kubelet flags] [scheduler flags]
//   stage4 apiserver [--port N] [--data-dir DIR | --etcd URL[,URL...]] [--watch-cache=false]
//   stage4 kubelet --apiserver URL --node-name NAME [--node-capacity cpu=4,…] [--node-labels k=v,…] [--token-file FILE]
//   stage4 scheduler --apiserver URL [--leader-elect=false] [--token-file FILE]
//
// A node joins a running `up` from another terminal with `stage4 kubelet`; `up`'s token
// file names only node1 … nodeN, so it sends the kubeconfig's token (there is no
// authorization yet):  grep token: .cluster/stage4/kubeconfig | awk '{print $2}' > /tmp/token

import APIServer
import Client
import Common
import Foundation
import Kubelet
import KubeletNodes

let commandLine = Array(CommandLine.arguments.dropFirst())
let command = commandLine.first.flatMap { $0.hasPrefix("-") ? nil : $0 } ?? "up"
let arguments = commandLine.first == command ? Array(commandLine.dropFirst()) : commandLine

/// The data directory of a stage-4 cluster, unless `--data-dir` says otherwise.
let defaultDataDirectory = ".cluster/stage4"
/// How many kubelets `up` runs, unless `--nodes` says otherwise.
let defaultNodeCount = 3
/// The most kubelets `up` runs in one process: each has its own runtime and informer.
let maximumNodeCount = 100
/// The first kubelet's port; node K listens on this + K - 1.
let defaultKubeletPort = 10255

let apiServerFlags = [
    Flag("port", "N", default: "8080", help: "the API server's port (Kubernetes' old insecure port)"),
    Flag("address", "IP", default: "127.0.0.1", help: "the API server's address; beyond loopback only with a token file"),
    Flag("token-auth-file", "FILE", help: "the tokens that authenticate requests (token,user,uid,\"groups\"); `up` keeps <data-dir>/tokens.csv"),
    Flag("data-dir", "DIR", default: defaultDataDirectory, help: "where the API server keeps the cluster's objects (and `up` the kubeconfig and the nodes' roots)"),
    Flag("etcd", "URL[,URL...]", default: "",
         help: "keep the cluster's objects in etcd, at these members' client URLs, instead of the data dir (kube-apiserver's --etcd-servers)"),
    Flag("watch-cache", "BOOL", default: "true",
         help: "serve watches from one watch cache per resource; false serves each from the store's history (kube-apiserver's flag)"),
    Flag("etcd-compaction-interval", "DURATION", default: "5m",
         help: "how often the API server compacts the store's history, forgetting what came before the last time; 0 never (kube-apiserver's flag)"),
]
let kubeletFlags = [
    Flag("apiserver", "URL", default: "http://127.0.0.1:8080", help: "the API server to take orders from"),
    Flag("token-file", "FILE", help: "a file holding the bearer token the kubelet sends the API server"),
    Flag("node-name", "NAME", default: "node1", help: "this node's name"),
    Flag("kubelet-port", "N", default: "\(defaultKubeletPort)",
         help: "the kubelet's read-only HTTP port, where logs are served; in `up`, node K's is this + K - 1 (0: each picks one)"),
    Flag("root", "DIR",
         help: "where the kubelet keeps its state and the containers' logs (default \(defaultDataDirectory)/<node-name>; `up` gives node K <data-dir>/nodeK)"),
    Flag("manifests", "DIR",
         help: "the folder of static pod manifests (default <root>/manifests; in `up`, node1's when given)"),
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
] + AdvertisedNode.flags
let upFlags = [
    Flag("nodes", "N", default: "\(defaultNodeCount)", help: "how many kubelets to run, named node1 … nodeN"),
]
/// The flags `up` sets per node, from the node's number, rather than passing them on.
let perNodeFlags: Set<String> = ["apiserver", "node-name", "root", "kubelet-port", "manifests", "token-file"]

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("stage4: \(message)\n".utf8))
    exit(2)
}

func parse(_ flags: [Flag], usage: String, summary: String) -> ParsedFlags {
    let parsed: ParsedFlags
    do { parsed = try ParsedFlags(arguments, flags: flags) } catch { fail("\(error) (see stage4 \(command) --help)") }
    if parsed.wantsHelp {
        print(Flag.helpText(usage: usage, summary: summary, flags: flags), terminator: "")
        exit(0)
    }
    return parsed
}


// MARK: The scheduler (stage 4's lead adds it here)

/// Adds the scheduler to `up`'s task group: it talks to the API server at `server` with
/// `token`, as any client does (`SchedulerComponent.swift`).
func addScheduler(server: String, token: String, logger: Logger, flags: ParsedFlags,
                  in group: inout ThrowingDiscardingTaskGroup<any Error>) throws {
    group.addTask { try await runScheduler(server: server, token: token, flags: flags, logger: logger) }
}

// MARK: The commands

switch command {
case "apiserver":
    let flags = parse(apiServerFlags, usage: "stage4 apiserver [flags]",
                      summary: "Runs the API server (with pods/binding, PriorityClass and Lease), its watch cache and its store's compactor.")
    let logger = Logger(label: "apiserver", level: flags.isSet("verbose") ? .debug : .info)
    do {
        let authenticator = try flags.string("token-auth-file").map { TokenAuthenticator(users: try TokenFile.read($0)) }
        let controlPlane = try await ControlPlane(flags, logger: logger, authenticator: authenticator)
        try await runUntilShutdownSignal(logger: logger) {
            try await withThrowingDiscardingTaskGroup { group in controlPlane.run(in: &group) }
        }
    } catch { fail("\(error)") }

case "kubelet":
    let flags = parse(kubeletFlags, usage: "stage4 kubelet --apiserver URL --node-name NAME [flags]",
                      summary: "Runs one more node: a kubelet that registers its node and runs the pods bound to it.")
    let logger = Logger(label: "kubelet", level: flags.isSet("verbose") ? .debug : .info)
    do {
        let token = try flags.string("token-file").map { try String(contentsOfFile: $0, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) }
        let node = try NodeAgent(flags, logger: logger, token: token)
        try await runUntilShutdownSignal(logger: logger) {
            try await withThrowingDiscardingTaskGroup { group in node.run(in: &group) }
        }
    } catch { fail("\(error)") }

// MARK: `stage4 scheduler` (stage 4's lead adds it here)
case "scheduler":
    let flags = parse(schedulerFlags + [Flag.switch("verbose", help: "also log debug lines, such as every pod bound")],
                      usage: "stage4 scheduler --apiserver URL [flags]",
                      summary: "Runs a scheduler: it places each pod that has no node, while it holds the kube-scheduler lease.")
    let logger = Logger(label: "scheduler", level: flags.isSet("verbose") ? .debug : .info)
    do {
        let token = try flags.string("token-file").map { try String(contentsOfFile: $0, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) }
        try await runUntilShutdownSignal(logger: logger) {
            try await runScheduler(server: flags.string("apiserver")!, token: token, flags: flags, logger: logger)
        }
    } catch { fail("\(error)") }

case "up":
    let flags = parse(apiServerFlags + kubeletFlags.filter { $0.name != "apiserver" } + upFlags + schedulerFlagsInUp,
                      usage: "stage4 [up] [--nodes N] [flags]",
                      summary: "Runs an API server, the scheduler and N kubelets (node1 … nodeN), in one process.")
    let verbose = flags.isSet("verbose")
    let apiLogger = Logger(label: "apiserver", level: verbose ? .debug : .info)
    do {
        let count = try flags.int("nodes")
        guard (1...maximumNodeCount).contains(count) else { throw CommandLineError("flag --nodes expects 1 to \(maximumNodeCount), got \(count)") }
        let dataDirectory = URL(filePath: flags.string("data-dir")!, directoryHint: .isDirectory)
        let nodeNames = (1...count).map { "node\($0)" }
        // Stage 2's tokens, one for the kubeconfig and one per node (ClusterTokens.swift):
        // each call adds its node's user to the file, so the last one authenticates them all.
        let tokenFile = flags.string("token-auth-file") ?? dataDirectory.appending(path: ClusterTokens.fileName).path
        var nodeTokens: [String] = []
        var tokens: ClusterTokens?
        for name in nodeNames {
            let made = try ClusterTokens(file: tokenFile, nodeName: name)
            nodeTokens.append(made.nodeToken)
            tokens = made
        }
        guard let tokens else { throw CommandLineError("no nodes to run") }
        let controlPlane = try await ControlPlane(flags, logger: apiLogger, authenticator: tokens.authenticator)
        let server = "http://127.0.0.1:\(controlPlane.apiServer.port)"
        let kubeconfig = dataDirectory.appending(path: "kubeconfig")
        try Kubeconfig(name: "stage4", server: server, token: tokens.administratorToken).write(to: kubeconfig)
        let basePort = try flags.int("kubelet-port")
        var nodes: [NodeAgent] = []
        for (index, name) in nodeNames.enumerated() {
            let root = dataDirectory.appending(path: name)
            let manifests = index == 0 && flags.wasGiven("manifests") ? flags.string("manifests")! : root.appending(path: "manifests").path
            let port = basePort == 0 ? 0 : basePort + index
            let parsed = try ParsedFlags(
                kubeletArguments(from: flags, server: server)
                    + ["--node-name", name, "--root", root.path, "--manifests", manifests, "--kubelet-port", String(port)],
                flags: kubeletFlags)
            let logger = Logger(label: count == 1 ? "kubelet" : "kubelet-\(name)", level: verbose ? .debug : .info)
            nodes.append(try NodeAgent(parsed, logger: logger, token: nodeTokens[index]))
            apiLogger.info("node", ["name": name, "kubelet-port": port == 0 ? "any" : String(port), "root": root.path,
                                    "manifests": manifests])
        }
        apiLogger.info("kubeconfig written: use kubectl --kubeconfig \(kubeconfig.path) get nodes")
        let kubelets = nodes
        try await runUntilShutdownSignal(logger: apiLogger) {
            try await withThrowingDiscardingTaskGroup { group in
                controlPlane.run(in: &group)
                for node in kubelets { node.run(in: &group) }
                try addScheduler(server: server, token: tokens.administratorToken, logger: Logger(label: "scheduler", level: verbose ? .debug : .info),
                                 flags: flags, in: &group)
            }
        }
    } catch { fail("\(error)") }

default:
    fail("unknown command \(command): try `stage4 --help`")
}

/// The kubelet's flags inside `up`: the shared ones as given, and the API server's URL;
/// the per-node ones are added by `up` for each node.
func kubeletArguments(from flags: ParsedFlags, server: String) -> [String] {
    var result = ["--apiserver", server]
    for flag in kubeletFlags where !perNodeFlags.contains(flag.name) && flags.wasGiven(flag.name) {
        result += flag.isSwitch ? ["--\(flag.name)"] : ["--\(flag.name)", flags.string(flag.name)!]
    }
    return result
}
