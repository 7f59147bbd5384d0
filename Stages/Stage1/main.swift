// Stage 1: a kubelet that runs static pods from a folder of manifests.
//
// This is the composition root of stage 1: it reads the command line, builds the
// components, and runs them until Ctrl-C. Everything it wires together lives in
// Sources/; read Stages/Stage1/README.md for the tour.
//
//   stage1 [kubelet] [--manifests DIR] [--root DIR] [--port N] [--node-name NAME]
//   stage1 yaml FILE     print a YAML file's documents as JSON

import API
import Common
import Foundation
import Kubelet
import ProcessRuntime
import YAML

let logger = Logger(label: "kubelet")
var arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.first.flatMap { $0.hasPrefix("-") ? nil : $0 } ?? "kubelet"
if arguments.first == command { arguments.removeFirst() }

let kubeletFlags = [
    Flag("manifests", "DIR", default: "Stages/Stage1/manifests", help: "the folder of static pod manifests"),
    Flag("root", "DIR", default: ".cluster/stage1", help: "where the kubelet keeps its state and the containers' logs"),
    Flag("address", "IP", default: KubeletConfiguration.Defaults.address, help: "the address of the read-only HTTP API"),
    Flag("port", "N", default: "\(KubeletConfiguration.Defaults.port)", help: "the port of the read-only HTTP API (0 picks one)"),
    Flag("node-name", "NAME", default: "node1", help: "this node's name; static pods are named <pod>-<node>"),
    Flag("file-check-frequency", "DURATION", default: KubeletConfiguration.Defaults.fileCheckFrequency.kubernetesDescription,
         help: "how often the manifest folder is read"),
    Flag("sync-frequency", "DURATION", default: KubeletConfiguration.Defaults.syncFrequency.kubernetesDescription,
         help: "how often each pod is compared with its spec"),
    Flag("backoff-initial", "DURATION", default: "10s", help: "the first crash-loop back-off delay"),
    Flag("backoff-max", "DURATION", default: "5m", help: "the longest crash-loop back-off delay"),
    Flag("container-log-max-size", "SIZE", default: KubeletConfiguration.Defaults.containerLogMaxSize,
         help: "the size at which a container's log is rotated"),
    Flag("container-log-max-files", "N", default: "\(KubeletConfiguration.Defaults.containerLogMaxFiles)",
         help: "the most files a container's log keeps, the current one included"),
    Flag.switch("verbose", help: "also log debug lines, such as every event"),
]

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("stage1: \(message)\n".utf8))
    exit(2)
}

switch command {
case "kubelet":
    let flags: ParsedFlags
    do { flags = try ParsedFlags(arguments, flags: kubeletFlags) } catch { fail("\(error) (see stage1 --help)") }
    if flags.wantsHelp {
        print(Flag.helpText(usage: "stage1 [kubelet] [flags]\n       stage1 yaml FILE",
                            summary: "Runs a kubelet: every pod in the manifest folder becomes processes on this machine.",
                            flags: kubeletFlags), terminator: "")
        exit(0)
    }
    let root = URL(filePath: flags.string("root")!, directoryHint: .isDirectory).standardizedFileURL
    let manifests = URL(filePath: flags.string("manifests")!, directoryHint: .isDirectory).standardizedFileURL
    guard FileManager.default.fileExists(atPath: manifests.path) else {
        fail("the manifest folder \(manifests.path) does not exist (run from the repository's top folder, or give --manifests)")
    }
    let configuration: KubeletConfiguration
    do {
        configuration = KubeletConfiguration(
            nodeName: flags.string("node-name")!,
            rootDirectory: root,
            manifestDirectory: manifests,
            address: flags.string("address")!,
            port: try flags.int("port"),
            fileCheckFrequency: try flags.duration("file-check-frequency"),
            syncFrequency: try flags.duration("sync-frequency"),
            backoff: .init(initial: try flags.duration("backoff-initial"), maximum: try flags.duration("backoff-max"))
        )
    } catch { fail("\(error)") }
    let log = Logger(label: "kubelet", level: flags.isSet("verbose") ? .debug : .info)
    do {
        let (logMaxSize, logMaxFiles) = try KubeletConfiguration.containerLogRotation(
            maxSize: flags.string("container-log-max-size")!, maxFiles: try flags.int("container-log-max-files"))
        let runtime = try ProcessRuntime(root: configuration.runtimeDirectory,
                                         logRotation: ContainerLogRotation(maxSize: logMaxSize, maxFiles: logMaxFiles),
                                         logger: log.labelled("runtime"))
        let source = FileSource(directory: manifests, nodeName: configuration.nodeName,
                                checkFrequency: configuration.fileCheckFrequency, logger: log)
        let kubelet = try Kubelet(configuration: configuration, runtime: runtime, sources: [source], logger: log)
        try await runUntilShutdownSignal(logger: log) { try await kubelet.run() }
    } catch {
        fail("\(error)")
    }

case "yaml":
    guard let path = arguments.first, arguments.count == 1 else { fail("usage: stage1 yaml FILE") }
    do {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let documents = try YAMLReader.documents(in: text)
        print(YAMLNode.jsonText(documents: documents, pretty: true))
    } catch let error as YAMLError {
        fail("\(path):\(error.mark.line):\(error.mark.column): \(error.message)")
    } catch {
        fail("cannot read \(path): \(error.localizedDescription)")
    }

default:
    fail("unknown command \(command): try `stage1 --help`")
}
