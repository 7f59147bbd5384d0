// The stage 1 binary, run as a learner runs it, for the end-to-end suite.
//
// Each test gets its own kubelet: a fresh manifest folder and root under a temp
// directory, port 0 (the kubelet logs the port it got), and short periods so that
// restarts and back-offs happen in seconds. Containers are started with a unique marker
// among their arguments, so a test can find their processes and prove none is left.

@testable import TestSupport
import API
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `stage1` process with its own manifest folder, state and port.
final class RunningKubelet: Sendable {
    /// The kubelet process.
    let process: StageProcess
    /// Its temp directory: `manifests/` and `root/` live here.
    let directory: URL
    /// The port of its read-only API.
    let port: Int
    /// A string unique to this kubelet's containers, found in their command lines.
    let marker: String

    /// The short periods every end-to-end kubelet runs with.
    static let fastFlags = [
        "--file-check-frequency", "200ms", "--sync-frequency", "200ms",
        "--backoff-initial", "1s", "--backoff-max", "4s",
    ]

    /// Starts a kubelet on `directory` (a new temp directory when nil) and waits until it listens.
    init(directory existing: URL? = nil, marker existingMarker: String? = nil) async throws {
        marker = existingMarker ?? "e2e-\(UUID().uuidString.prefix(8).lowercased())"
        if let existing {
            directory = existing
        } else {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("stage1-\(marker)")
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("manifests"), withIntermediateDirectories: true)
        }
        process = try StageProcess(
            executable: Binaries.executable(named: "stage1"),
            arguments: ["kubelet", "--manifests", directory.appendingPathComponent("manifests").path,
                        "--root", directory.appendingPathComponent("root").path, "--port", "0"] + Self.fastFlags,
            name: "stage1")
        let line = try await process.waitForLine(containing: "kubelet: listening address=")
        guard let portText = line.split(separator: ":").last, let port = Int(portText) else {
            throw HarnessError("could not read the port from \(line)")
        }
        self.port = port
    }

    /// Writes a manifest into the kubelet's folder.
    func write(_ name: String, _ yaml: String) throws {
        try yaml.write(to: directory.appendingPathComponent("manifests/\(name)"), atomically: true, encoding: .utf8)
    }

    /// Deletes a manifest from the kubelet's folder.
    func remove(_ name: String) throws {
        try FileManager.default.removeItem(at: directory.appendingPathComponent("manifests/\(name)"))
    }

    /// The pods of `GET /pods`.
    func pods() async throws -> [Pod] {
        let response = try await TestHTTPClient().get(port: port, path: "/pods")
        #expect(response.status == 200)
        return try APIJSON.decode(PodList.self, from: Data(response.body.utf8)).items
    }

    /// Waits until pod `name` exists and `condition` holds for it, and returns it.
    @discardableResult
    func waitForPod(_ name: String, _ awaited: String, timeout: Duration = WaitPolicy.defaultTimeout,
                    sourceLocation: SourceLocation = #_sourceLocation,
                    _ condition: @escaping (Pod) -> Bool) async throws -> Pod {
        do {
            return try await waitUntil("pod \(name) \(awaited)", timeout: timeout, sourceLocation: sourceLocation) {
                try await self.pods().first { $0.metadata.name == name && condition($0) }
            }
        } catch let timeout as WaitTimeout {
            let current = try? await pods().first { $0.metadata.name == name }
            let status = current.flatMap { try? String(decoding: APIJSON.encode($0.status, pretty: true), as: UTF8.self) } ?? "absent"
            throw HarnessError("\(timeout)\npod status: \(status)\nkubelet output:\n\(process.outputTail)")
        }
    }

    /// The processes of this kubelet's containers, found by their marker.
    func containerProcesses() async throws -> [ProcessTable.Entry] {
        try await ProcessTable.processes(commandLineContaining: marker)
            .filter { !$0.commandLine.contains("stage1") }
    }

    /// Waits until no process of this kubelet's containers is left.
    func waitForNoContainerProcess(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await eventually("no container process with marker \(marker) to be left", sourceLocation: sourceLocation) {
            try await self.containerProcesses().isEmpty
        }
    }

    /// A shell command for a container that runs until stopped, carrying the marker.
    var longRunningCommand: String {
        "[\"sh\", \"-c\", \"while :; do sleep 1; done\", \"\(marker)\"]"
    }

    /// Stops the kubelet with SIGINT, as Ctrl-C does, and returns its exit status.
    @discardableResult
    func interrupt() async throws -> Int32 {
        process.interrupt()
        return try await process.waitForExit(timeout: .seconds(60))
    }

    /// Kills whatever is left: the kubelet, its containers, its temp directory.
    func cleanUp() async {
        await process.cleanup()
        for entry in (try? await containerProcesses()) ?? [] { _ = kill(-entry.pid, SIGKILL); _ = kill(entry.pid, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }
}
