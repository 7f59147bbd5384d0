// Stage 3 · end-to-end tests: `stage3 apiserver` alone, as one of several API servers on one etcd.
//
// `stage3 up` runs one API server and a kubelet; a highly available control plane runs
// several API servers, each its own process, on one etcd. This starts one on a free port
// (`--port 0`, read back from its "listening" line) and runs kubectl against it with
// `--server`, no kubeconfig needed.

import Foundation
import Testing
@testable import TestSupport

/// A `stage3 apiserver --etcd URL --port 0` process, with kubectl pointed at it.
struct APIServerProcess {
    let process: StageProcess
    let port: Int
    /// Its own scratch directory: its data dir (unused with etcd) and the test's files.
    let directory: URL

    static func start(etcd members: [String]) async throws -> APIServerProcess {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stage3-apiserver-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let process = try StageProcess(
            executable: Binaries.executable(named: "stage3"),
            arguments: ["apiserver", "--etcd", members.joined(separator: ","), "--port", "0", "--data-dir", directory.path],
            name: "stage3 apiserver")
        let line = try await process.waitForLine(containing: "apiserver: listening address=")
        let address = line.split(separator: " ").first { $0.hasPrefix("address=") }
        let port = try #require(address.flatMap { Int($0.split(separator: ":").last ?? "") }, "no port in \(line)")
        return APIServerProcess(process: process, port: port, directory: directory)
    }

    /// Kills the API server and removes its directory.
    func stop() async {
        await process.cleanup()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes a manifest of a pod `name` that no kubelet runs; returns its path.
    func podManifest(_ name: String) throws -> String {
        let file = directory.appendingPathComponent("\(name).yaml")
        try "kind: Pod\napiVersion: v1\nmetadata: {name: \"\(name)\"}\nspec: {containers: [{name: main, image: busybox}]}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    private func kubectlArguments(_ arguments: [String]) -> [String] {
        ["--kubeconfig", "/dev/null", "--server", "http://127.0.0.1:\(port)"] + arguments
    }

    /// Starts kubectl on this API server and leaves it running.
    func start(_ arguments: [String]) throws -> StageProcess {
        let kubectl = try #require(Tools.path(of: "kubectl"))
        return try StageProcess(executable: URL(fileURLWithPath: kubectl), arguments: kubectlArguments(arguments),
                                name: "kubectl \(arguments.joined(separator: " ")) on :\(port)")
    }

    /// Runs kubectl on this API server to its end; returns its status and output.
    func kubectl(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let process = try start(arguments)
        let status = try await process.waitForExit(timeout: .seconds(60))
        return (status, process.output)
    }
}
