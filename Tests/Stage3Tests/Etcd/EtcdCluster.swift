// Stage 3 · EtcdStore tests: a real etcd, one member or three, on free ports in a scratch directory.
//
// The store's contract tests and the failover tests need a real etcd, started by the test
// and gone after it. `EtcdCluster.start(members:)` starts one `etcd` process per member,
// each with its own data directory under a fresh temporary directory and its own client
// and peer ports, waits until every member says it serves clients ("serving client traffic"), and `stop()` kills
// them and removes the directory. Startup takes about half a second, so suites share one
// cluster through the `.etcd()` trait (EtcdTrait.swift) instead of starting one per test.
//
// Free ports: the kernel picks a port for a socket bound to port 0, the socket is closed
// and etcd is told that number. Another process may take it in between; etcd then exits
// at once ("address already in use"), and the whole cluster is started again on new ports.
//
// Nothing left over, even if the test process dies: each member runs under a small shell
// that reads the test's end of a pipe and kills etcd when it ends, which the kernel does
// for every pipe of a process that exits, however it exits.

import Foundation
import HTTPClient
import Testing
@testable import TestSupport

/// Real etcd processes started by a test; stop them with `stop()`.
final class EtcdCluster: Sendable {
    /// One member: its name, client URL, and process.
    struct Member: Sendable {
        let name: String
        let clientURL: String
        let peerURL: String
        let process: StageProcess
    }

    /// How many times a start is tried on fresh ports before the test fails.
    static let startAttempts = 3
    /// Raft timings shorter than etcd's defaults (100 ms, 1 s), so that the survivors of a
    /// killed leader elect a new one in well under a second.
    static let heartbeatMilliseconds = 50
    static let electionMilliseconds = 500
    /// How often etcd tells a watch that asked for progress the revision it reached
    /// (10 minutes by default); short, so a test sees it.
    static let progressNotifyInterval = "200ms"

    let members: [Member]
    let directory: URL

    /// The cluster the surrounding `.etcd()` suite started, if any.
    @TaskLocal static var current: EtcdCluster?

    private init(members: [Member], directory: URL) {
        self.members = members
        self.directory = directory
    }

    /// Every member's client URL, as `EtcdStore` takes them.
    var clientURLs: [String] { members.map(\.clientURL) }

    /// Starts `count` members forming one new cluster; returns once all serve clients.
    static func start(members count: Int = 1) async throws -> EtcdCluster {
        var lastError: any Error = HarnessError("etcd did not start")
        for _ in 0..<startAttempts {
            let cluster = try launch(count)
            do {
                for member in cluster.members {
                    try await member.process.waitForLine(containing: "serving client traffic", timeout: .seconds(60))
                }
                return cluster
            } catch {
                lastError = error
                await cluster.stop()
            }
        }
        throw lastError
    }

    private static func launch(_ count: Int) throws -> EtcdCluster {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("etcd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let ports = try (0..<(2 * count)).map { _ in try freePort() }
        let names = (0..<count).map { "m\($0)" }
        let peers = names.indices.map { "http://127.0.0.1:\(ports[2 * $0 + 1])" }
        let initialCluster = names.indices.map { "\(names[$0])=\(peers[$0])" }.joined(separator: ",")
        let etcd = try #require(Tools.path(of: "etcd"))
        var members: [Member] = []
        for index in names.indices {
            let client = "http://127.0.0.1:\(ports[2 * index])"
            let arguments = [
                "--name", names[index], "--data-dir", directory.appendingPathComponent(names[index]).path,
                "--listen-client-urls", client, "--advertise-client-urls", client,
                "--listen-peer-urls", peers[index], "--initial-advertise-peer-urls", peers[index],
                "--initial-cluster", initialCluster, "--initial-cluster-state", "new",
                "--initial-cluster-token", directory.lastPathComponent,
                "--heartbeat-interval", String(heartbeatMilliseconds), "--election-timeout", String(electionMilliseconds),
                "--experimental-watch-progress-notify-interval", progressNotifyInterval,
                "--logger", "zap", "--log-outputs", "stderr",
            ]
            // `$0` is etcd; when the test's end of stdin closes, `cat` returns and etcd is killed.
            let process = try StageProcess(
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", #""$0" "$@" & etcd=$!; cat >/dev/null; kill -9 $etcd"#, etcd] + arguments,
                standardInput: .pipe, name: "etcd \(names[index])")
            members.append(Member(name: names[index], clientURL: client, peerURL: peers[index], process: process))
        }
        return EtcdCluster(members: members, directory: directory)
    }

    /// A port number the kernel just handed out and took back.
    private static func freePort() throws -> Int {
        try RefusingPort().port
    }

    /// Kills one member at once, as `kill -9` (a crash, or a machine gone): the test of failover.
    func kill(_ member: Member) async {
        await member.process.cleanup()
    }

    /// The member the living members agree is the leader, if they have one now; asked of
    /// each member's `/v3/maintenance/status`, which names the member answering and its leader.
    func leader(among candidates: [Member]? = nil) async -> Member? {
        struct Status: Decodable {
            struct Header: Decodable { var member_id: String }
            var header: Header
            var leader: String?
        }
        var ids: [String: Member] = [:]
        var leaders: Set<String> = []
        for member in candidates ?? members where member.process.isRunning {
            guard let http = try? HTTPClient(baseURL: member.clientURL, timeout: .seconds(5)),
                  let response = try? await http.send(HTTPClientRequest(method: "POST", target: "/v3/maintenance/status", body: Array("{}".utf8))),
                  let status = try? JSONDecoder().decode(Status.self, from: response.data) else { continue }
            ids[status.header.member_id] = member
            leaders.insert(status.leader ?? "")
        }
        guard leaders.count == 1, let leader = leaders.first else { return nil }
        return ids[leader]
    }

    /// The value of the Prometheus gauge or counter `name` on the first member's `/metrics`.
    func metric(_ name: String) async throws -> Double {
        let http = try HTTPClient(baseURL: members[0].clientURL, timeout: .seconds(5))
        let text = try await http.send(HTTPClientRequest(method: "GET", target: "/metrics")).text
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(name + " ") }, "etcd has no metric \(name)")
        return try #require(Double(line.dropFirst(name.count + 1)))
    }

    /// Kills every member, waits until they are gone, and removes their data.
    func stop() async {
        for member in members { await member.process.cleanup() }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `etcdctl` against this cluster with `arguments`; returns its output.
    func etcdctl(_ arguments: [String]) async throws -> String {
        let etcdctl = try #require(Tools.path(of: "etcdctl"))
        let process = try StageProcess(
            executable: URL(fileURLWithPath: etcdctl),
            arguments: ["--endpoints", clientURLs.joined(separator: ",")] + arguments,
            environment: ["ETCDCTL_API": "3"], name: "etcdctl")
        let status = try await process.waitForExit()
        await process.cleanup()
        guard status == 0 else { throw HarnessError("etcdctl \(arguments) exited with \(status):\n\(process.outputTail)") }
        return process.output
    }
}
