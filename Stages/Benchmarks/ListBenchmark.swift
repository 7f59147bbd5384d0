// Stage 3 · bench: `bench list`, a LIST of 1,000 pods: our API server beside an etcd range.
//
// Ours: stage 3's API server in process (`InProcessAPIServer`), 1,000 pods created through
// it, then `GET /api/v1/namespaces/default/pods` as the Python client asks (plain JSON, one
// answer), and as kubectl asks (`limit=500`, then the page's `continue` token), over one
// kept-alive connection per client, again and again for a few seconds.
//
// etcd: the same pods' JSON bytes (what our API server answered each create with) put
// under `/registry/pods/default/<name>`, as kube-apiserver keys them, then one
// `POST /v3/kv/range` over the prefix, or pages of 500 (the next page starting just after
// the last key, as kube-apiserver pages etcd), through the project's HTTP client. The
// gateway answers JSON with each value in base64; kube-apiserver speaks gRPC instead,
// so this is etcd at some disadvantage, and the table says so.
//
// For each: requests per second, p50/p99 latency, and CPU per request. Ours is this
// process's CPU (server and client together); etcd's is etcd's own, with this process's
// (the client) beside it.

import Foundation
import HTTPClient

enum ListBenchmark: Benchmark {
    static let name = "list"
    static let summary = "LIST of 1,000 pods/s, p50/p99, CPU per request: our API server beside an etcd range [--pods N] [--seconds S] [--rounds N] [--clients N]"

    static let defaultPods = 1_000
    static let defaultSeconds = 2.0
    /// How many turns each case gets.
    static let defaultRounds = 3
    static let defaultClients = 1
    /// kubectl's page size (`--chunk-size`'s default).
    static let pageSize = 500
    /// The prefix kube-apiserver keeps the default namespace's pods under.
    static let etcdPrefix = "/registry/pods/default/"

    static func run(options: BenchmarkOptions) async throws {
        let podCount = try options.int("pods", default: defaultPods)
        let duration = Duration.milliseconds(Int(try options.double("seconds", default: defaultSeconds) * 1000))
        let rounds = try options.int("rounds", default: defaultRounds)
        let clients = try options.int("clients", default: defaultClients)

        let server = try await InProcessAPIServer()
        let api = try HTTPClient(baseURL: server.url, maxIdleConnections: max(8, clients))
        let pods = try await createPods(podCount, through: api)
        var etcd: EtcdServer?
        if let executable = EtcdServer.executable { etcd = try await EtcdServer(executable: executable) }
        defer { etcd?.stop() }
        let etcdClient = try etcd.map { try HTTPClient(baseURL: $0.clientURL, maxIdleConnections: max(8, clients)) }
        if let etcdClient { try await putPods(pods, into: etcdClient) }
        print("bench list: \(podCount) pods of \(pods.map(\.count).reduce(0, +) / podCount) bytes each (as stored),"
              + " \(clients) client(s) with keep-alive, \(rounds) rounds of \(format(duration)) s a case, cases taking turns,"
              + " \(ProcessInfo.processInfo.activeProcessorCount) cores")

        // The cases take turns round by round, so that a machine busier for a while (other
        // programs share it) slows all of them alike.
        let path = "/api/v1/namespaces/default/pods"
        var cases: [(String, Int32?, @Sendable () async throws -> Void)] = [
            ("ours", nil, { try await listOurs(api, path: path, expecting: podCount) }),
            ("ours 500s", nil, { try await listOurs(api, path: path + "?limit=\(pageSize)", expecting: podCount) }),
        ]
        if let etcd, let etcdClient {
            cases.append(("etcd", etcd.processIdentifier, { try await rangeEtcd(etcdClient, limit: nil, expecting: podCount) }))
            cases.append(("etcd 500s", etcd.processIdentifier, { try await rangeEtcd(etcdClient, limit: pageSize, expecting: podCount) }))
        }
        var runs = [[RequestFigures]](repeating: [], count: cases.count)
        for _ in 0..<rounds {
            for (position, (_, peer, request)) in cases.enumerated() {
                runs[position].append(try await RequestFigures.measure(clients: clients, for: duration, peer: peer, request))
            }
        }
        await server.stop()
        let rows = zip(cases.map(\.0), runs.map(RequestFigures.init(merging:))).map { ($0, $1) }

        print("")
        print(Table.row(["", "lists/s", "p50 ms", "p99 ms", "CPU ms/list", "etcd CPU ms"]))
        for (label, figures) in rows {
            print(Table.row([label, Table.format(figures.perSecond), Table.format(figures.latencies.p50), Table.format(figures.latencies.p99),
                             Table.format(figures.cpuMillisecondsPerRequest),
                             figures.peerCPUMillisecondsPerRequest.map(Table.format) ?? "-"]))
        }
        print("\nCPU ms/list: this process (for ours, the API server and its client; for etcd, the client alone);"
              + " etcd CPU ms: etcd's own. \"500s\": pages of \(pageSize), as kubectl reads them.")
        guard let etcd else { return print("etcd is not on PATH: only our API server was measured.") }
        let ratio = { (ours: Int, theirs: Int) in String(format: "%.2fx", rows[ours].1.perSecond / rows[theirs].1.perSecond) }
        print("ours/etcd \(etcd.version) lists per second: one answer \(ratio(0, 2)), pages of \(pageSize) \(ratio(1, 3)) (goal ≥ 1.0x)")
    }

    /// Creates `count` pods through the API server, eight at a time; returns each create's answer.
    static func createPods(_ count: Int, through client: HTTPClient) async throws -> [[UInt8]] {
        let concurrency = 8
        return try await withThrowingTaskGroup(of: [[UInt8]].self) { group in
            for lane in 0..<concurrency {
                group.addTask {
                    var bodies: [[UInt8]] = []
                    for index in stride(from: lane, to: count, by: concurrency) {
                        let response = try await client.send(HTTPClientRequest(
                            method: "POST", target: "/api/v1/namespaces/default/pods",
                            headers: ["Content-Type": "application/json"], body: Array(PodManifest.json(name: podName(index)).utf8)))
                        guard response.status.code == 201 else { throw BenchmarkError("create answered \(response.status): \(response.text)") }
                        bodies.append(response.body)
                    }
                    return bodies
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }

    static func podName(_ index: Int) -> String { "web-7d4b9c6f8d-" + String(format: "%05d", index) }

    /// One LIST, following `continue` tokens to the end; checks the item count on the way.
    static func listOurs(_ client: HTTPClient, path: String, expecting count: Int) async throws {
        var target = path
        var items = 0
        while true {
            let response = try await client.send(HTTPClientRequest(method: "GET", target: target, headers: ["Accept": "application/json"]))
            guard response.status.code == 200 else { throw BenchmarkError("list answered \(response.status): \(response.text.prefix(300))") }
            items += occurrences(of: Array("\"kind\":\"Pod\"".utf8), in: response.body)
            guard let token = JSONScan.string(after: "\"continue\":\"", in: response.body.suffix(4096)), !token.isEmpty else { break }
            target = path + "&continue=" + (token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token)
        }
        guard items >= count else { throw BenchmarkError("list held \(items) pods, not \(count)") }
    }

    /// Puts each pod's bytes under its kube-apiserver key.
    static func putPods(_ pods: [[UInt8]], into client: HTTPClient) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<8 {
                group.addTask {
                    for index in stride(from: lane, to: pods.count, by: 8) {
                        let key = Data((etcdPrefix + podName(index)).utf8).base64EncodedString()
                        let body = Array("{\"key\":\"\(key)\",\"value\":\"\(Data(pods[index]).base64EncodedString())\"}".utf8)
                        let response = try await client.send(HTTPClientRequest(
                            method: "POST", target: "/v3/kv/put", headers: ["Content-Type": "application/json"], body: body))
                        guard response.status.code == 200 else { throw BenchmarkError("etcd put answered \(response.status): \(response.text)") }
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// One range over the pods' prefix, in pages of `limit` when given.
    static func rangeEtcd(_ client: HTTPClient, limit: Int?, expecting count: Int) async throws {
        let end = Data("/registry/pods/default0".utf8).base64EncodedString()
        var start = Data(etcdPrefix.utf8).base64EncodedString()
        var items = 0
        while true {
            let limitField = limit.map { ",\"limit\":\($0)" } ?? ""
            let response = try await client.send(HTTPClientRequest(
                method: "POST", target: "/v3/kv/range", headers: ["Content-Type": "application/json"],
                body: Array("{\"key\":\"\(start)\",\"range_end\":\"\(end)\"\(limitField)}".utf8)))
            guard response.status.code == 200 else { throw BenchmarkError("etcd range answered \(response.status): \(response.text.prefix(300))") }
            items += occurrences(of: Array("\"mod_revision\"".utf8), in: response.body)
            guard limit != nil, occurrences(of: Array("\"more\":true".utf8), in: response.body) > 0,
                  let last = JSONScan.lastString(after: "\"key\":\"", in: response.body),
                  let lastKey = Data(base64Encoded: last) else { break }
            start = (lastKey + [0]).base64EncodedString()
        }
        guard items >= count else { throw BenchmarkError("etcd range held \(items) pods, not \(count)") }
    }

    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> Int {
        JSONScan.offsets(of: needle, in: haystack[...]).count
    }

    static func format(_ duration: Duration) -> String { Table.format(WriteLoad.milliseconds(duration) / 1000) }
}
