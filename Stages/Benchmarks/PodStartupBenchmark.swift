// Stage 3 · bench: `bench pods`, how long 100 pods take from created to Running.
//
// `stage3 up` runs as a child process (`StageCluster`), its kubelet on an informer. The
// benchmark watches pods, then creates 100 pods already bound to the node
// (`spec.nodeName: node1`, no scheduler in this stage), each a `sh -c 'exec sleep 3600'`
// container, a few at a time; for each, the time from its create's answer to the first
// watch event that shows it `Running` (the kubelet started the process and reported its
// status). The same for `stage2 up` when that binary is built, whose kubelet lists its
// pods every 2 seconds instead of watching. The binaries run with their default flags.
//
// By default the pods come in one burst, so the figure is mostly how long the last of
// them waits its turn: the table gives the binary's CPU over the run to show whether it
// was busy all along. `--rate N` spaces the creates instead (N a second), which measures
// one pod's way from create to Running at a load the node keeps up with.

import Foundation
import HTTPClient
import Synchronization

enum PodStartupBenchmark: Benchmark {
    static let name = "pods"
    static let summary = "create-to-Running p50/p99 of 100 pods: stage3 up, and stage2 up when built [--pods N] [--parallel N] [--rate N/s] [--flags sync-frequency=200ms,...]"

    static let defaultPods = 100
    /// Creates in flight at once.
    static let defaultParallel = 4
    static let nodeName = "node1"
    /// How long every pod may take to be Running before the run counts as failed.
    static let runningTimeout = Duration.seconds(60)

    static func run(options: BenchmarkOptions) async throws {
        let count = try options.int("pods", default: defaultPods)
        let parallel = try options.int("parallel", default: defaultParallel)
        // `--rate N`: N creates a second at most, a steady arrival instead of one burst.
        let rate = options.string("rate") == nil ? nil : try options.double("rate", default: 1)
        // `--flags a=1,b=2`: more flags for both binaries (`--a=1 --b=2`), to see which of
        // their intervals a pod waits on.
        let flags = (options.string("flags") ?? "").split(separator: ",").map { "--\($0)" }
        guard let stage3 = StageCluster.executable(named: "stage3") else {
            throw BenchmarkError("no stage3 binary beside bench: build it with `swift build -c release --product stage3`")
        }
        print("bench pods: \(count) pods bound to \(nodeName), \(parallel) creates at a time"
              + (rate.map { " at most \(Table.format($0))/s" } ?? " as fast as answered") + ", each binary with its default flags"
              + (flags.isEmpty ? "" : " and \(flags.joined(separator: " "))") + ", \(ProcessInfo.processInfo.activeProcessorCount) cores")
        var rows: [(String, Latencies, Double, Double?)] = []
        for executable in [stage3, StageCluster.executable(named: "stage2")].compactMap({ $0 }) {
            let cluster = try await StageCluster(executable: executable, nodeName: nodeName, arguments: flags)
            do {
                let cpuBefore = ProcessUsage.cpuSeconds(ofProcess: cluster.processIdentifier)
                let (latencies, seconds) = try await measure(cluster, pods: count, parallel: parallel, rate: rate)
                let cpu = ProcessUsage.cpuSeconds(ofProcess: cluster.processIdentifier).flatMap { after in cpuBefore.map { after - $0 } }
                rows.append(("\(cluster.binary) up", latencies, seconds, cpu.map { $0 / seconds * 100 }))
                cluster.stop()
            } catch {
                cluster.stop()
                throw error
            }
        }
        print("")
        print(Table.row(["", "pods", "p50 ms", "p99 ms", "max ms", "all in s", "its CPU %"]))
        for (label, latencies, seconds, cpu) in rows {
            print(Table.row([label, String(latencies.count), Table.format(latencies.p50), Table.format(latencies.p99),
                             Table.format(latencies.maximum), Table.format(seconds), cpu.map(Table.format) ?? "-"]))
        }
        print("\nfrom each create's answer to the watch event showing the pod Running; all in s: from the first create"
              + " to the last pod Running;"
              + " its CPU %: the binary's CPU time over that time, in % of one core (200 is both cores).")
        if rows.count == 1 { print("no stage2 binary beside bench: build it with `swift build -c release --product stage2` to compare.") }
        print("goal: p99 ≤ 200 ms with stage 3")
    }

    /// Creates `count` pods on `cluster` and waits until each is Running.
    static func measure(_ cluster: StageCluster, pods count: Int, parallel: Int, rate: Double?) async throws -> (Latencies, Double) {
        let client = try HTTPClient(baseURL: cluster.url, maxIdleConnections: parallel + 1, bearerToken: cluster.token)
        let prefix = "bench-\(UUID().uuidString.prefix(6).lowercased())"
        let list = try await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/namespaces/default/pods?limit=1"))
        guard let revision = JSONScan.lastString(after: "\"resourceVersion\":\"", in: list.body) else {
            throw BenchmarkError("a list without a resourceVersion: \(list.text.prefix(300))")
        }
        let (head, body) = try await client.stream(HTTPClientRequest(
            method: "GET", target: "/api/v1/namespaces/default/pods?watch=1&resourceVersion=\(revision)"))
        guard head.status.code == 200 else { throw BenchmarkError("watch answered \(head.status)") }
        let watcher = Task { () throws -> [String: ContinuousClock.Instant] in
            var running: [String: ContinuousClock.Instant] = [:]
            for try await line in HTTPClient.lines(of: body) {
                let at = ContinuousClock.now
                guard let event = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let object = event["object"] as? [String: Any],
                      let name = (object["metadata"] as? [String: Any])?["name"] as? String, name.hasPrefix(prefix),
                      (object["status"] as? [String: Any])?["phase"] as? String == "Running", running[name] == nil else { continue }
                running[name] = at
                if running.count == count { break }
            }
            return running
        }
        let started = ContinuousClock.now
        let created = try await withThrowingTaskGroup(of: [String: ContinuousClock.Instant].self) { group in
            for lane in 0..<parallel {
                group.addTask {
                    var answered: [String: ContinuousClock.Instant] = [:]
                    for index in stride(from: lane, to: count, by: parallel) {
                        if let rate { try await Task.sleep(until: started + .milliseconds(Int(Double(index) * 1000 / rate)), clock: .continuous) }
                        let name = "\(prefix)-\(index)"
                        let response = try await client.send(HTTPClientRequest(
                            method: "POST", target: "/api/v1/namespaces/default/pods", headers: ["Content-Type": "application/json"],
                            body: Array(PodManifest.json(name: name, nodeName: nodeName).utf8)))
                        guard response.status.code == 201 else { throw BenchmarkError("create answered \(response.status): \(response.text)") }
                        answered[name] = ContinuousClock.now
                    }
                    return answered
                }
            }
            return try await group.reduce(into: [:]) { $0.merge($1) { first, _ in first } }
        }
        let timeout = Task { try await Task.sleep(for: runningTimeout); watcher.cancel() }
        defer { timeout.cancel() }
        let running: [String: ContinuousClock.Instant]
        do { running = try await watcher.value } catch {
            throw BenchmarkError("not every pod was Running within \(runningTimeout) on \(cluster.binary) (\(error))")
        }
        guard running.count == count else { throw BenchmarkError("\(running.count) of \(count) pods Running before the watch ended") }
        let latencies = created.compactMap { name, at in running[name].map { Latencies.between(at, $0) } }
        let last = running.values.max() ?? started
        return (Latencies(latencies), Latencies.between(started, last) / 1000)
    }
}
