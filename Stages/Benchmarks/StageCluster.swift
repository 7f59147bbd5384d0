// Stage 3 · bench: a stage's `up` binary run as a child process, for a benchmark to drive.
//
// `stage3 up` (or `stage2 up`) is started from the build folder `bench` itself runs from,
// on free ports (port 0, read back from its log) in a fresh temporary directory, with an
// empty manifest folder. It is ready once its API server answers and its kubelet has
// registered the node. `stop()` sends SIGINT, as Ctrl-C does, so that the kubelet stops
// its pods' processes before exiting, and waits; SIGKILL only if it has not exited by
// then. The directory, with the cluster's log, is removed after.

import Foundation
import HTTPClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class StageCluster {
    /// How long the binary may take to serve and register its node.
    static let startTimeout = Duration.seconds(30)
    /// How long it may take to stop its pods and exit after SIGINT.
    static let stopTimeout = Duration.seconds(30)

    let binary: String
    let url: String
    private let process: Process
    /// Its process id, for reading its CPU time.
    var processIdentifier: Int32 { process.processIdentifier }
    /// Its folder: the data directory, and the kubelet's root `<directory>/<node name>`.
    let directory: URL

    /// The binary named `name` beside this one, or nil when it has not been built.
    static func executable(named name: String) -> URL? {
        guard let here = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        let candidate = here.deletingLastPathComponent().appending(path: name)
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }

    /// Starts `executable up` with `arguments` besides its ports and folders, and returns
    /// once its node is registered.
    init(executable: URL, nodeName: String, arguments: [String] = []) async throws {
        binary = executable.lastPathComponent
        directory = FileManager.default.temporaryDirectory.appending(path: "bench-\(binary)-\(UUID().uuidString.prefix(8))")
        let manifests = directory.appending(path: "manifests")
        try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
        let log = directory.appending(path: "log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw BenchmarkError("cannot create \(log.path)") }
        let output = try FileHandle(forWritingTo: log)
        process = Process()
        process.executableURL = executable
        process.arguments = ["up", "--port", "0", "--kubelet-port", "0", "--data-dir", directory.path,
                             "--root", directory.appending(path: nodeName).path, "--manifests", manifests.path,
                             "--node-name", nodeName] + arguments
        process.standardOutput = output
        process.standardError = output
        try process.run()

        let deadline = ContinuousClock.now + Self.startTimeout
        let (announced, text) = await Self.apiServerURL(announcedBy: process, in: log, until: deadline)
        guard let announced else {
            Self.stop(process, removing: directory)
            throw BenchmarkError("\(binary) up did not start: \(text.suffix(2000))")
        }
        url = announced
        // `up` wrote its kubeconfig, with the administrator's token, before it listened.
        let client = try HTTPClient(baseURL: url, timeout: .seconds(2), bearerToken: token)
        while (try? await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/nodes/\(nodeName)")))?.status.code != 200 {
            guard process.isRunning, ContinuousClock.now < deadline else {
                Self.stop(process, removing: directory)
                throw BenchmarkError("\(binary)'s kubelet did not register node \(nodeName)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The kubelet's port, from its `kubelet: listening address=…` line; nil before it is written.
    var kubeletPort: Int? {
        let text = (try? String(contentsOf: directory.appending(path: "log"), encoding: .utf8)) ?? ""
        guard let line = text.split(separator: "\n").first(where: { $0.contains("kubelet: listening address=") }),
              let address = line.split(separator: " ").first(where: { $0.hasPrefix("address=") }) else { return nil }
        return Int(address.split(separator: ":").last ?? "")
    }

    /// The bearer token of the kubeconfig `up` wrote, if its API server authenticates.
    var token: String? { Self.kubeconfigToken(in: directory) }

    /// The bearer token of the kubeconfig `up` wrote in `directory`, if it has one.
    static func kubeconfigToken(in directory: URL) -> String? {
        let text = (try? String(contentsOf: directory.appending(path: "kubeconfig"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("token: ") }.map { String($0.dropFirst("token: ".count)) }
    }

    /// The URL of the API server that `process` (an `up`) announces in `log` with its
    /// `apiserver: listening address=…` line; nil, with the log so far, if the process exits
    /// or `deadline` passes first.
    static func apiServerURL(
        announcedBy process: Process, in log: URL, until deadline: ContinuousClock.Instant
    ) async -> (url: String?, log: String) {
        while true {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.contains("apiserver: listening address=") }),
               let address = line.split(separator: " ").first(where: { $0.hasPrefix("address=") }),
               let port = Int(address.split(separator: ":").last ?? "") {
                return ("http://127.0.0.1:\(port)", text)
            }
            guard process.isRunning, ContinuousClock.now < deadline else { return (nil, text) }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Ctrl-C, a wait for the pods to stop and the process to exit, and the directory removed.
    func stop() {
        Self.stop(process, removing: directory)
    }

    private static func stop(_ process: Process, removing directory: URL) {
        if process.isRunning {
            process.interrupt()
            let deadline = ContinuousClock.now + stopTimeout
            while process.isRunning, ContinuousClock.now < deadline { usleep(50_000) }
            if process.isRunning {
                FileHandle.standardError.write(Data("bench: \(process.executableURL?.lastPathComponent ?? "") did not stop after SIGINT; killed\n".utf8))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
