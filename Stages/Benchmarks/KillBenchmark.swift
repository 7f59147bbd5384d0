// Stage 3 · bench: `bench kill`, kill -9 trials of `stage2 up` under concurrent writers.
//
// The figure behind "nothing acknowledged is lost": one data directory, and `--trials`
// times over (default 20): start `stage2 up` on it, write ConfigMaps from `--writers`
// concurrent clients (default 8), `kill -9` the process at a moment drawn between 0.3 and
// 1.5 s, start it again on the same directory, and check that every write it answered 201
// is there and that the revision has not gone back. A restart the store refuses (it found
// writes missing) is counted too, and ends the run with the binary's log.
//
//   swift build -c release --product bench && swift build -c release --product stage2
//   .build/release/bench kill [--trials 20] [--writers 8]

import Foundation
import HTTP
import HTTPClient
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum KillBenchmark: Benchmark {
    static let name = "kill"
    static let summary = "kill -9 trials of stage2 up under concurrent writers: acknowledged writes lost [--trials N] [--writers N]"

    /// How long the binary may take to listen after it starts.
    static let startTimeout = Duration.seconds(30)
    /// When in a trial the kill comes, in milliseconds after the writers start.
    static let killWindow = 300...1500

    static func run(options: BenchmarkOptions) async throws {
        let trials = try options.int("trials", default: 20)
        let writers = try options.int("writers", default: 8)
        guard let stage2 = StageCluster.executable(named: "stage2") else {
            throw BenchmarkError("build stage2 in the same configuration first: swift build -c release --product stage2")
        }
        let directory = FileManager.default.temporaryDirectory.appending(path: "bench-kill-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory.appending(path: "manifests"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        var acknowledged: [String: Int64] = [:]  // every write answered 201, with its revision
        var lost = 0, wentBack = 0
        var server = try await Server(stage2, directory: directory, run: 0)
        for trial in 1...trials {
            let answered = try await write(to: server, trial: trial, writers: writers)
            for (name, revision) in answered { acknowledged[name] = revision }
            server = try await Server(stage2, directory: directory, run: trial)
            let (present, revision) = try await listConfigMaps(server)
            let missing = answered.keys.filter { !present.contains($0) }
            lost += missing.count
            if revision < answered.values.max() ?? 0 { wentBack += 1 }
            print("trial \(trial): \(answered.count) acknowledged, \(missing.count) lost, revision \(revision) after the restart")
        }
        let (present, _) = try await listConfigMaps(server)
        server.stop()
        let missingAtEnd = acknowledged.keys.filter { !present.contains($0) }.count
        print("stage2 up, \(trials) kill -9 trials, \(writers) concurrent writers")
        print("  acknowledged writes      \(acknowledged.count)")
        print("  lost after a restart     \(lost)   (missing at the end: \(missingAtEnd))")
        print("  revision went back       \(wentBack) times")
    }

    /// Writes from `writers` clients until the kill, then returns what was acknowledged.
    static func write(to server: Server, trial: Int, writers: Int) async throws -> [String: Int64] {
        let answered = Answers()
        let token = server.token
        let client = try HTTPClient(baseURL: server.url, timeout: .seconds(5), maxIdleConnections: writers + 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for step in 0... {
                        let name = "t\(trial)-w\(writer)-\(step)"
                        let body = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"\#(name)"},"data":{"step":"\#(step)"}}"#
                        guard let response = try? await client.send(HTTPClientRequest(
                            method: "POST", target: "/api/v1/namespaces/default/configmaps",
                            headers: MemoryBenchmark.headers(token, json: true), body: Array(body.utf8)))
                        else { return }  // the server is gone
                        guard response.status.code == 201 else { throw BenchmarkError("create answered \(response.status)") }
                        let revision = JSONScan.lastString(after: "\"resourceVersion\":\"", in: response.body).flatMap { Int64($0) } ?? 0
                        answered.writes.withLock { $0[name] = revision }
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(Int.random(in: killWindow)))
            server.kill()
            try await group.waitForAll()
        }
        return answered.writes.withLock { $0 }
    }

    /// The writes acknowledged in one trial, shared by its writers.
    final class Answers: Sendable {
        let writes = Mutex<[String: Int64]>([:])
    }

    /// The names of the ConfigMaps in `default`, and the list's resourceVersion.
    static func listConfigMaps(_ server: Server) async throws -> (Set<String>, Int64) {
        let client = try HTTPClient(baseURL: server.url, timeout: .seconds(60))
        let list = try await client.send(HTTPClientRequest(
            method: "GET", target: "/api/v1/namespaces/default/configmaps", headers: MemoryBenchmark.headers(server.token)))
        guard list.status.code == 200 else { throw BenchmarkError("list answered \(list.status)") }
        let names = JSONScan.offsets(of: Array("\"name\":\"".utf8), in: list.body[...])
            .compactMap { JSONScan.string(after: "\"name\":\"", in: list.body[$0...]) }
        let revision = JSONScan.lastString(after: "\"resourceVersion\":\"", in: list.body).flatMap { Int64($0) } ?? 0
        return (Set(names), revision)
    }

    /// One run of `stage2 up` on the shared directory, its output in `log-<run>`.
    struct Server {
        let process: Process
        let url: String
        /// The bearer token of the kubeconfig `up` wrote, when its API server authenticates.
        let token: String?

        init(_ executable: URL, directory: URL, run: Int) async throws {
            let log = directory.appending(path: "log-\(run)")
            guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw BenchmarkError("cannot create \(log.path)") }
            process = Process()
            process.executableURL = executable
            process.arguments = ["up", "--port", "0", "--kubelet-port", "0", "--data-dir", directory.path,
                                 "--root", directory.appending(path: "node").path,
                                 "--manifests", directory.appending(path: "manifests").path, "--node-name", "bench-node"]
            let output = try FileHandle(forWritingTo: log)
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let deadline = ContinuousClock.now + KillBenchmark.startTimeout
            let (announced, text) = await StageCluster.apiServerURL(announcedBy: process, in: log, until: deadline)
            guard let announced else {
                if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
                throw BenchmarkError("stage2 up did not start on the killed directory (run \(run)):\n\(text.suffix(3000))")
            }
            url = announced
            token = StageCluster.kubeconfigToken(in: directory)
            // Writes go to `default`, which the API server creates once it is up.
            let client = try HTTPClient(baseURL: url, timeout: .seconds(2))
            let namespace = HTTPClientRequest(method: "GET", target: "/api/v1/namespaces/default", headers: MemoryBenchmark.headers(token))
            while (try? await client.send(namespace))?.status.code != 200 {
                guard process.isRunning, ContinuousClock.now < deadline else { throw BenchmarkError("stage2 up never served namespace default") }
                try await Task.sleep(for: .milliseconds(20))
            }
        }

        /// `kill -9`, and the wait for the process to be gone.
        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        /// Ctrl-C, as a user stops it.
        func stop() {
            process.interrupt()
            process.waitUntilExit()
        }
    }
}
