// Stage 3 · bench: `bench memory`, what stage 2's API server holds per stored object.
//
// `stage2 up` runs as a child process (`StageCluster`), with the pods bound to a node that
// does not exist, so its kubelet starts none of them: what grows is the API server. The
// benchmark reads the child's resident memory (VmRSS in /proc/<pid>/status) when it is
// idle, after `--pods` small pods (default 10,000) are created, and after large requests
// (lists of every pod and bodies of about 1 MiB), then again once they are over, and
// prints bytes per object beside the bytes each object takes in the store.
//
//   swift build -c release --product bench && swift build -c release --product stage2
//   .build/release/bench memory [--pods 10000] [--parallel 8]

import Foundation
import HTTP
import HTTPClient

enum MemoryBenchmark: Benchmark {
    static let name = "memory"
    static let summary = "stage 2's API server: bytes per stored small pod, and RSS after large requests [--pods N]"

    /// How long the server is left alone before each reading, for its allocator to settle.
    static let settle = Duration.seconds(3)
    /// The large requests: lists of every pod, and creates with bodies of about 1 MiB.
    static let largeLists = 5
    static let largeBodies = 4
    static let largeBodyBytes = 1024 * 1024

    static func run(options: BenchmarkOptions) async throws {
        let count = try options.int("pods", default: 10_000)
        let parallel = try options.int("parallel", default: 8)
        guard let stage2 = StageCluster.executable(named: "stage2") else {
            throw BenchmarkError("build stage2 in the same configuration first: swift build -c release --product stage2")
        }
        let cluster = try await StageCluster(executable: stage2, nodeName: "bench-node")
        defer { cluster.stop() }
        let pid = cluster.processIdentifier
        let token = cluster.token
        let client = try HTTPClient(baseURL: cluster.url, timeout: .seconds(120), maxIdleConnections: parallel + 1)

        try await Task.sleep(for: settle)
        let idle = try residentBytes(of: pid)
        try await createPods(count, parallel: parallel, client: client, token: token)
        try await Task.sleep(for: settle)
        let stored = try residentBytes(of: pid)
        let one = try await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/namespaces/default/pods/small-0", headers: headers(token)))

        // One watch of every pod: stage 2's polling watch remembers what it last sent.
        let watching = try await residentBytesWithAWatch(of: pid, client: client, pods: count, token: token)

        var largest = stored
        for _ in 0..<largeLists {
            let list = try await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/pods", headers: headers(token)))
            guard list.status.code == 200 else { throw BenchmarkError("list answered \(list.status)") }
            largest = max(largest, try residentBytes(of: pid))
        }
        try await Task.sleep(for: settle)
        let afterLists = try residentBytes(of: pid)
        for index in 0..<largeBodies {
            let value = String(repeating: "x", count: largeBodyBytes - 200)
            let body = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"large-\#(index)"},"data":{"blob":"\#(value)"}}"#
            let response = try await client.send(HTTPClientRequest(
                method: "POST", target: "/api/v1/namespaces/default/configmaps",
                headers: headers(token, json: true), body: Array(body.utf8)))
            guard response.status.code == 201 else { throw BenchmarkError("a large create answered \(response.status)") }
            largest = max(largest, try residentBytes(of: pid))
        }
        try await Task.sleep(for: settle)
        let after = try residentBytes(of: pid)

        let mb = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        print("stage2 up, \(count) small pods (\(one.body.count) bytes of JSON each, as read back)")
        print("  RSS idle                      \(mb(idle))")
        print("  RSS with the pods stored      \(mb(stored))    \((stored - idle) / count) bytes per pod")
        print("  RSS with one watch of them    \(mb(watching))    \((watching - stored) / count) bytes per pod more")
        print("  RSS peak in large requests    \(mb(largest))    (\(largeLists) lists of every pod, then \(largeBodies) bodies of 1 MiB)")
        print("  RSS after the lists, settled  \(mb(afterLists))    \(mb(afterLists - stored)) kept")
        print("  RSS after the bodies, settled \(mb(after))    \(mb(after - stored)) kept (the bodies' objects, 4 MiB, are stored)")
    }

    /// Creates `count` small pods from `parallel` lanes, bound to a node nobody runs.
    static func createPods(_ count: Int, parallel: Int, client: HTTPClient, token: String?) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<parallel {
                group.addTask {
                    for index in stride(from: lane, to: count, by: parallel) {
                        let body = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"small-\#(index)","namespace":"default"},"#
                            + #""spec":{"nodeName":"elsewhere","containers":[{"name":"main","image":"busybox:1.36","command":["sleep","3600"]}]}}"#
                        let response = try await client.send(HTTPClientRequest(
                            method: "POST", target: "/api/v1/namespaces/default/pods",
                            headers: headers(token, json: true), body: Array(body.utf8)))
                        guard response.status.code == 201 else { throw BenchmarkError("create answered \(response.status): \(response.text)") }
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Opens a watch of every pod, reads the ADDED event of each, lets it poll a while,
    /// and returns the resident set while it is open; the watch is closed after.
    static func residentBytesWithAWatch(of pid: Int32, client: HTTPClient, pods: Int, token: String?) async throws -> Int {
        let (head, body) = try await client.stream(HTTPClientRequest(method: "GET", target: "/api/v1/pods?watch=1", headers: headers(token)))
        guard head.status.code == 200 else { throw BenchmarkError("watch answered \(head.status)") }
        let reader = Task { () throws -> Int in
            var events = 0
            for try await _ in HTTPClient.lines(of: body) {
                events += 1
                if events == pods { break }
            }
            return events
        }
        _ = try await reader.value
        try await Task.sleep(for: settle)
        let resident = try residentBytes(of: pid)
        return resident
    }

    /// The headers of a request: the bearer token when the cluster has one, and a JSON body's type.
    static func headers(_ token: String?, json: Bool = false) -> HTTPHeaders {
        var headers: HTTPHeaders = [:]
        if json { headers.add(name: "Content-Type", value: "application/json") }
        if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
        return headers
    }

    /// The resident set of process `pid` in bytes (VmRSS), Linux only.
    static func residentBytes(of pid: Int32) throws -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { throw BenchmarkError("cannot read the resident memory of process \(pid) (Linux only)") }
        return kilobytes * 1024
    }
}
