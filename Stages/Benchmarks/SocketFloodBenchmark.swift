// Stage 3 · bench: `bench sockets`, a well-behaved client while idle sockets and slow
// lorises flood stage 2's API server and kubelet.
//
// `stage2 up` runs as a child process (`StageCluster`). For each of its two servers, the
// API server and the kubelet's read-only port, the benchmark runs an honest client, one
// request at a time on a fresh connection (`GET /api/v1/namespaces`, `GET /pods`) with a
// 10 s timeout, for a few seconds in each of three waves:
//
//   quiet       nothing else;
//   idle        700 sockets that connect and send nothing (reconnecting when closed);
//   slowloris   600 sockets that send half a request head, then a header byte a second,
//               reconnecting when closed (as the attack does).
//
// The table gives the honest client's answers, failures and latency in each wave, and
// what the flood saw: how often its sockets were closed to make room, and how many 503s
// they got. Every socket is on loopback; the flood comes from 127.0.0.1, the honest
// client's own address, which is the hard case for a per-address limit (`--from
// 127.0.0.2` floods from another loopback address instead, Linux only).

import Foundation
import HTTP
import HTTPClient
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum SocketFloodBenchmark: Benchmark {
    static let name = "sockets"
    static let summary = "an honest client's answers and latency while 700 idle and 600 slowloris sockets flood stage2's API server and kubelet [--seconds N] [--idle N] [--slow N]"

    static let defaultSeconds = 8
    static let defaultIdleSockets = 700
    static let defaultSlowSockets = 600
    /// How long the honest client waits for one answer before counting a failure.
    static let honestTimeout = Duration.seconds(10)
    /// How often a slow loris sends its next byte.
    static let trickleInterval = Duration.seconds(1)

    enum Wave: String, CaseIterable {
        case quiet, idle, slowloris
    }

    static func run(options: BenchmarkOptions) async throws {
        let seconds = try options.int("seconds", default: defaultSeconds)
        let idleCount = try options.int("idle", default: defaultIdleSockets)
        let slowCount = try options.int("slow", default: defaultSlowSockets)
        guard let stage2 = StageCluster.executable(named: "stage2") else {
            throw BenchmarkError("no stage2 binary beside bench: build it with `swift build -c release --product stage2`")
        }
        raiseDescriptorLimit()
        print("bench sockets: \(seconds) s a wave; idle wave \(idleCount) sockets, slowloris wave \(slowCount) sockets,"
              + " all from 127.0.0.1; honest client one request at a time, fresh connection, \(honestTimeout) timeout;"
              + " \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let cluster = try await StageCluster(executable: stage2, nodeName: "node1")
        defer { cluster.stop() }
        guard let apiPort = (try? HTTPURL(cluster.url))?.port, let kubeletPort = cluster.kubeletPort else {
            throw BenchmarkError("could not read the ports of stage2 up")
        }
        print("")
        print(Table.row(["server", "wave", "answers", "failures", "p50 ms", "p99 ms", "max ms", "closed", "503s"], first: 10, width: 9))
        for (server, port, target, token) in [("apiserver", apiPort, "/api/v1/namespaces", cluster.token),
                                              ("kubelet", kubeletPort, "/pods", nil)] {
            for wave in Wave.allCases {
                let flood = Flood(port: port, count: wave == .idle ? idleCount : (wave == .slowloris ? slowCount : 0),
                                  isSlow: wave == .slowloris)
                let result = await withTaskGroup(of: Void.self) { group in
                    group.addTask { await flood.run() }
                    // The flood's sockets are open before the honest client starts.
                    await flood.waitUntilOpen()
                    let honest = await honestClient(port: port, target: target, token: token, seconds: seconds)
                    group.cancelAll()
                    return honest
                }
                let figures = result.latencies
                print(Table.row([server, wave.rawValue, "\(figures.count)", "\(result.failures)", Table.format(figures.p50),
                                 Table.format(figures.p99), Table.format(figures.maximum), "\(flood.closedCount)",
                                 "\(flood.refusedCount)"], first: 10, width: 9))
            }
        }
    }

    struct HonestResult {
        var latencies: Latencies
        var failures: Int
    }

    /// One request at a time on a fresh connection for `seconds`; failures are errors and non-200s.
    static func honestClient(port: Int, target: String, token: String?, seconds: Int) async -> HonestResult {
        var times: [Double] = []
        var failures = 0
        let end = ContinuousClock.now + .seconds(seconds)
        let client = HTTPClient(baseURL: HTTPURL(host: "127.0.0.1", port: port), timeout: honestTimeout, maxIdleConnections: 0)
        var headers: HTTPHeaders = ["Connection": "close"]
        if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
        while ContinuousClock.now < end {
            let start = ContinuousClock.now
            let response = try? await client.send(HTTPClientRequest(target: target, headers: headers))
            if response?.status.code == 200 { times.append(Latencies.between(start, .now)) } else { failures += 1 }
        }
        return HonestResult(latencies: Latencies(times), failures: failures)
    }

    /// A process has 1,024 descriptors by default; a flood and its server need more.
    static func raiseDescriptorLimit() {
        #if canImport(Glibc)
        let resource = Int32(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(resource, &limit)
    }
}
