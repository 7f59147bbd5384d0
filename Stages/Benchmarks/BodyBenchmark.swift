// Stage 3 · bench: `bench body`, what a 1 MB request body costs, and what it costs the others.
//
// A client may send the API server any body up to its limit (3 MiB), and a valid one is
// parsed in full: the question is how long that takes and whether the other clients wait
// meanwhile. `stage2 up` runs as a child process (`StageCluster`, from the same build
// folder), and the benchmark, over real sockets:
//
//   1. creates pods of about 1 MB each (one container whose `env` holds ~14,000
//      variables: the most values per byte a pod can have), one at a time: p50 and max
//      of their answers, and the server's CPU seconds per create;
//   2. creates small pods (`PodManifest`, ~1.5 KB) one after another with nothing else
//      going on: the small create's usual latency;
//   3. does 2 again while `--parallel` clients (6) each create `--rounds` (3) big pods
//      as fast as they are answered: the delay the big bodies add to a small create.
//
// Each big pod is deleted once created, so that the store does not fill with them: the
// kubelet lists its pods every 2 s, and a list of many 1 MB pods is a cost of its own.
// None of the pods is bound to a node, so the kubelet runs none of them.

import Foundation
import HTTPClient
import Synchronization

enum BodyBenchmark: Benchmark {
    static let name = "body"
    static let summary = "a 1 MB create body on stage2 up, and the delay it adds to concurrent small creates [--parallel N] [--rounds N] [--big N]"

    static let nodeName = "node1"
    /// Target size of a big body.
    static let bigBodyBytes = 1_000_000
    /// Big creates timed one at a time.
    static let defaultBig = 5
    /// Clients sending big bodies at once in phase 3, and how many each sends.
    static let defaultParallel = 6
    static let defaultRounds = 3
    /// Small creates timed with nothing else going on.
    static let quietSmallCreates = 100
    /// A debug build may take seconds a body; no answer should take this long.
    static let requestTimeout = Duration.seconds(300)

    static func run(options: BenchmarkOptions) async throws {
        let big = try options.int("big", default: defaultBig)
        let parallel = try options.int("parallel", default: defaultParallel)
        let rounds = try options.int("rounds", default: defaultRounds)
        guard let stage2 = StageCluster.executable(named: "stage2") else {
            throw BenchmarkError("no stage2 binary beside bench: build it with `swift build -c release --product stage2`")
        }
        let sample = bigPod(name: "big-sample")
        print("bench body: stage2 up, a big body of \(Table.format(Double(sample.count) / 1_000_000)) MB (\(envCount) env entries), "
              + "\(parallel) big clients x \(rounds) in phase 3, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let cluster = try await StageCluster(executable: stage2, nodeName: nodeName)
        do {
            let client = try HTTPClient(baseURL: cluster.url, timeout: requestTimeout)
            let cpuBefore = ProcessUsage.cpuSeconds(ofProcess: cluster.processIdentifier)
            var bigTimes: [Double] = []
            for index in 0..<big {
                bigTimes.append(try await create(bigPod(name: "big-alone-\(index)"), with: client))
                try await delete("big-alone-\(index)", with: client)
            }
            let cpuAfter = ProcessUsage.cpuSeconds(ofProcess: cluster.processIdentifier)
            let cpuPerBig = cpuAfter.flatMap { after in cpuBefore.map { (after - $0) / Double(big) } }

            var quiet: [Double] = []
            for index in 0..<quietSmallCreates {
                quiet.append(try await create(Array(PodManifest.json(name: "small-quiet-\(index)").utf8), with: client))
            }

            let (loaded, bigUnderLoad) = try await smallCreatesDuringBigOnes(
                url: cluster.url, parallel: parallel, rounds: rounds)
            cluster.stop()

            print("")
            print(Table.row(["", "creates", "p50 ms", "p99 ms", "max ms"], first: 34))
            for (label, times) in [
                ("1 MB create, alone", bigTimes), ("small create, alone", quiet),
                ("1 MB create, \(parallel) at once", bigUnderLoad), ("small create, during those", loaded),
            ] {
                let latencies = Latencies(times)
                print(Table.row([label, String(latencies.count), Table.format(latencies.p50), Table.format(latencies.p99),
                                 Table.format(latencies.maximum)], first: 34))
            }
            if let cpuPerBig { print("\nserver CPU per 1 MB create, alone: \(Table.format(cpuPerBig * 1000)) ms") }
        } catch {
            cluster.stop()
            throw error
        }
    }

    /// Phase 3: small creates, one after another, for as long as `parallel` clients
    /// are creating big pods; returns the small creates' and the big creates' times.
    static func smallCreatesDuringBigOnes(url: String, parallel: Int, rounds: Int) async throws -> ([Double], [Double]) {
        let bigDone = DoneCount()
        return try await withThrowingTaskGroup(of: (small: [Double], big: [Double]).self) { group in
            for clientIndex in 0..<parallel {
                group.addTask {
                    let client = try HTTPClient(baseURL: url, timeout: requestTimeout)
                    var times: [Double] = []
                    for round in 0..<rounds {
                        let name = "big-\(clientIndex)-\(round)"
                        times.append(try await create(bigPod(name: name), with: client))
                        try await delete(name, with: client)
                    }
                    bigDone.count.add(1, ordering: .sequentiallyConsistent)
                    return ([], times)
                }
            }
            group.addTask {
                let client = try HTTPClient(baseURL: url, timeout: requestTimeout)
                var times: [Double] = []
                var index = 0
                while bigDone.count.load(ordering: .sequentiallyConsistent) < parallel {
                    times.append(try await create(Array(PodManifest.json(name: "small-loaded-\(index)").utf8), with: client))
                    index += 1
                }
                return (times, [])
            }
            var small: [Double] = []
            var big: [Double] = []
            for try await result in group {
                small += result.small
                big += result.big
            }
            return (small, big)
        }
    }

    /// POSTs `body` as a pod; the milliseconds until the 201.
    static func create(_ body: [UInt8], with client: HTTPClient) async throws -> Double {
        let start = ContinuousClock.now
        let response = try await client.send(HTTPClientRequest(
            method: "POST", target: "/api/v1/namespaces/default/pods", headers: ["Content-Type": "application/json"], body: body))
        guard response.status.code == 201 else { throw BenchmarkError("create answered \(response.status): \(response.text.prefix(300))") }
        return Latencies.between(start, ContinuousClock.now)
    }

    /// Deletes pod `name` at once: a store that fills with 1 MB pods makes every list the
    /// kubelet sends (one each 2 s) cost more, which is not what this measures.
    static func delete(_ name: String, with client: HTTPClient) async throws {
        let response = try await client.send(HTTPClientRequest(
            method: "DELETE", target: "/api/v1/namespaces/default/pods/\(name)?gracePeriodSeconds=0"))
        guard response.status.code == 200 else { throw BenchmarkError("delete answered \(response.status): \(response.text.prefix(300))") }
    }

    /// Environment entries in a big pod: `{"name":"BENCH_VAR_00001","value":"…"}` is
    /// about 70 bytes, so this many make ~1 MB.
    static let envCount = bigBodyBytes / 70

    /// A valid pod of about `bigBodyBytes` of JSON.
    static func bigPod(name: String) -> [UInt8] {
        var env: [String] = []
        env.reserveCapacity(envCount)
        for index in 0..<envCount {
            let number = String(index)
            env.append("{\"name\":\"BENCH_VAR_\(String(repeating: "0", count: max(0, 5 - number.count)))\(number)\","
                       + "\"value\":\"value-of-a-variable-of-some-length-\(number)\"}")
        }
        return Array("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"\(name)","namespace":"default"},\
        "spec":{"containers":[{"name":"main","image":"busybox","command":["sh","-c","exec sleep 3600"],\
        "env":[\(env.joined(separator: ","))]}]}}
        """.utf8)
    }
}

/// How many big clients have finished, shared by phase 3's tasks.
private final class DoneCount: Sendable {
    let count = Atomic<Int>(0)
}
