// Stage 4 · end-to-end tests: `stage4 apiserver` and any number of `stage4 scheduler`s, as processes.
//
// The leader-election and restart tests need what `up` cannot give: schedulers that are
// processes of their own, to be killed. This starts an API server on a free port and
// schedulers against it, and makes fake nodes (Node objects no kubelet runs, as
// Kubernetes' scheduler tests do), so that what is measured is the scheduler alone.

import Foundation
import HTTPClient
import Testing
@testable import TestSupport

/// A `stage4 apiserver --port 0` process, schedulers beside it, and a client for both.
final class ControlPlaneProcesses: Sendable {
    let apiServer: StageProcess
    let port: Int
    let directory: URL
    let http: HTTPClient

    init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("stage4-control-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        apiServer = try StageProcess(
            executable: Binaries.executable(named: "stage4"),
            arguments: ["apiserver", "--port", "0", "--data-dir", directory.appendingPathComponent("data").path],
            name: "stage4 apiserver")
        let line = try await apiServer.waitForLine(containing: "apiserver: listening address=")
        let address = line.split(separator: " ").first { $0.hasPrefix("address=") }
        port = try #require(address.flatMap { Int($0.split(separator: ":").last ?? "") }, "no port in \(line)")
        http = try HTTPClient(baseURL: "http://127.0.0.1:\(port)")
    }

    var server: String { "http://127.0.0.1:\(port)" }

    /// Starts a scheduler with short leader-election times, so that a takeover takes seconds
    /// (yet a leader on a machine busy with the whole suite still renews in time).
    func startScheduler(name: String) throws -> StageProcess {
        try StageProcess(
            executable: Binaries.executable(named: "stage4"),
            arguments: ["scheduler", "--apiserver", server, "--leader-elect-lease-duration", "6s",
                        "--leader-elect-renew-deadline", "4s", "--leader-elect-retry-period", "500ms"],
            name: name)
    }

    /// Creates Ready nodes `fake-1` … `fake-N`, each with `cpu` cpus and room for 110 pods.
    func createFakeNodes(_ count: Int, cpu: Int = 4) async throws {
        for index in 1...count {
            let name = "fake-\(index)"
            try await post("/api/v1/nodes", """
                {"apiVersion":"v1","kind":"Node","metadata":{"name":"\(name)","labels":{"kubernetes.io/hostname":"\(name)"}},\
                "status":{"capacity":{"cpu":"\(cpu)","memory":"32Gi","pods":"110"},"allocatable":{"cpu":"\(cpu)","memory":"32Gi","pods":"110"},\
                "conditions":[{"type":"Ready","status":"True","reason":"KubeletReady","message":"a node no kubelet runs"}]}}
                """)
        }
    }

    /// Creates a pod with no node, requesting `cpu`, that no kubelet will run.
    func createPod(_ name: String, cpu: String = "100m") async throws {
        try await post("/api/v1/namespaces/default/pods", """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"\(name)"},"spec":{"containers":[{"name":"main","image":"busybox",\
            "resources":{"requests":{"cpu":"\(cpu)"}}}]}}
            """)
    }

    func post(_ path: String, _ body: String) async throws {
        let response = try await http.send(HTTPClientRequest(
            method: "POST", target: path, headers: ["Content-Type": "application/json"], body: Array(body.utf8)))
        guard response.status.code == 201 else { throw HarnessError("POST \(path) answered \(response.status.code): \(response.text)") }
    }

    /// The answer to a GET of `path`, as text.
    func get(_ path: String) async throws -> String {
        try await http.send(HTTPClientRequest(method: "GET", target: path)).text
    }

    /// Runs kubectl against this API server.
    func kubectl(_ arguments: String...) async throws -> (status: Int32, output: String) {
        let kubectl = try #require(Tools.path(of: "kubectl"), "kubectl is not installed")
        let process = try StageProcess(
            executable: URL(fileURLWithPath: kubectl),
            arguments: ["--kubeconfig", "/dev/null", "--server", server] + arguments, name: "kubectl")
        let status = try await process.waitForExit(timeout: .seconds(60))
        return (status, process.output)
    }

    func stop() async {
        await apiServer.cleanup()
        try? FileManager.default.removeItem(at: directory)
    }
}
