// Stage 2 · Test harness: `stageN up`, run as a learner runs it, and `kubectl` pointed at it.
//
// Stage 2's end-to-end tests run `stage2 up`; stage 3's run `stage3 up` through the same
// harness, with their own flags (`binary:`, `arguments:`).

import Foundation
import Testing

/// A `stageN up` process with its own data directory and ports, and a kubectl for it.
final class RunningCluster: Sendable {
    /// The stage binary this cluster runs: `stage2`, `stage3`.
    let binary: String
    let process: StageProcess
    let directory: URL
    let port: Int
    /// A string unique to this cluster's containers, found in their command lines.
    let marker: String

    /// The flags stage 2's tests add: the kubelet hears of new and deleted pods within a fifth of a second.
    static let stage2Arguments = ["--api-poll-frequency", "200ms"]

    /// Starts `binary up` on `directory` (a new temp directory when nil), with the shared
    /// flags and `arguments`, and waits until it serves.
    init(
        binary: String = "stage2", directory existing: URL? = nil, marker existingMarker: String? = nil,
        arguments: [String] = RunningCluster.stage2Arguments
    ) async throws {
        self.binary = binary
        let short = binary.replacingOccurrences(of: "stage", with: "s")
        marker = existingMarker ?? "\(short)e2e-\(UUID().uuidString.prefix(8).lowercased())"
        directory = existing ?? FileManager.default.temporaryDirectory.appendingPathComponent("\(binary)-\(marker)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("manifests"), withIntermediateDirectories: true)
        process = try StageProcess(
            executable: Binaries.executable(named: binary),
            arguments: ["up", "--port", "0", "--kubelet-port", "0", "--data-dir", directory.path,
                        "--root", directory.appendingPathComponent("node1").path,
                        "--manifests", directory.appendingPathComponent("manifests").path,
                        "--sync-frequency", "200ms", "--node-status-update-frequency", "1s"] + arguments,
            name: binary)
        let line = try await process.waitForLine(containing: "apiserver: listening address=")
        guard let address = line.split(separator: " ").first(where: { $0.hasPrefix("address=") }),
              let port = Int(address.split(separator: ":").last ?? "") else {
            throw HarnessError("could not read the port from \(line)")
        }
        self.port = port
        try await process.waitForLine(containing: "node-status: ")
    }

    /// The bearer token of the kubeconfig `up` wrote: the administrator's (nil if there is none).
    var token: String? {
        let text = (try? String(contentsOf: directory.appendingPathComponent("kubeconfig"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("token: ") }.map { String($0.dropFirst("token: ".count)) }
    }

    /// The header a raw request (curl's, the test client's) sends to be let in, as kubectl does.
    var authorization: [String: String] { token.map { ["Authorization": "Bearer \($0)"] } ?? [:] }

    /// Runs `kubectl` with this cluster's kubeconfig; returns its exit status and output.
    func kubectl(_ arguments: String..., input: String? = nil) async throws -> (status: Int32, output: String) {
        try await kubectl(arguments, tool: "kubectl", input: input)
    }

    /// Runs the kubectl named `tool` (`kubectl.1.27` …) with `arguments` and this cluster's kubeconfig.
    func kubectl(_ arguments: [String], tool: String, input: String? = nil) async throws -> (status: Int32, output: String) {
        let kubectl = try #require(Tools.path(of: tool), "\(tool) is not installed")
        var all = ["--kubeconfig", directory.appendingPathComponent("kubeconfig").path] + arguments
        if let input {
            let file = directory.appendingPathComponent("input-\(UUID().uuidString).yaml")
            try input.write(to: file, atomically: true, encoding: .utf8)
            all = all.map { $0 == "-" ? file.path : $0 }
        }
        let process = try StageProcess(executable: URL(fileURLWithPath: kubectl), arguments: all, name: "kubectl")
        let status = try await process.waitForExit(timeout: .seconds(120))
        return (status, process.output)
    }

    /// A pod manifest bound to node1, running a marked shell loop that says `words`.
    func podManifest(_ name: String, says words: String = "hello") -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
        spec:
          nodeName: node1
          containers:
            - name: main
              image: busybox
              command: ["sh", "-c", "echo \(words); while :; do sleep 1; done", "\(marker)"]
        """
    }

    /// The processes of this cluster's containers.
    func containerProcesses() async throws -> [ProcessTable.Entry] {
        try await ProcessTable.processes(commandLineContaining: marker).filter { !$0.commandLine.contains(binary) }
    }

    /// Stops the cluster with Ctrl-C and waits for it.
    func interrupt() async throws {
        process.interrupt()
        _ = try await process.waitForExit(timeout: .seconds(60))
    }

    /// Kills whatever is left and removes the directory.
    func cleanUp(keepDirectory: Bool = false) async {
        await process.cleanup()
        if !keepDirectory { try? FileManager.default.removeItem(at: directory) }
    }
}
