// Stage 4 · bench: `bench scheduler`, Kubernetes' scheduler_perf SchedulingBasic on this machine.
//
// The workload is Kubernetes' own headline scheduler benchmark: 5,000 nodes that no
// kubelet runs (Node objects with 4 cpus, 32Gi and room for 110 pods, as scheduler_perf's
// node template), 1,000 pods scheduled first to fill the cache, then 10,000 pods measured
// (100m cpu and 500Mi each, its pod template). Everything goes through a real API
// server: `stage4 apiserver` and `stage4 scheduler` run as child processes from the
// build folder `bench` runs from, and the benchmark is only their client. It watches
// pods and counts each pod the first time a watch event shows it with a node; the
// throughput is counted per second, as scheduler_perf's SchedulingThroughput, and its
// average compared with the goal.
//
// A second run, on 100 nodes, measures one pod's wait: create-to-bound latency, from the
// create's answer to the watch event that shows it bound, with pods arriving at a steady
// rate rather than in one burst.

import Foundation
import HTTPClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum SchedulerBenchmark: Benchmark {
    static let name = "scheduler"
    static let summary = "pods/s through stage4's API server and scheduler on 5,000 fake nodes, and create-to-bound p50/p99 on 100 [--nodes N] [--pods N] [--init-pods N]"

    static let defaultNodes = 5000
    static let defaultInitPods = 1000
    static let defaultPods = 10_000
    static let latencyNodes = 100
    static let latencyPods = 1000
    /// Pods a second in the latency run: a steady load, well under the throughput.
    static let latencyRate = 200.0
    /// Creates in flight at once: scheduler_perf's pod creation (`test/utils.CreatePod`) runs
    /// 30 workers. Fewer would measure the creates, not the scheduler: each waits for the
    /// store's fsync, so the pods arrive no faster than the creates in flight allow.
    static let parallel = 30
    /// scheduler_perf's threshold for SchedulingBasic 5000 nodes (on far larger machines), and this goal.
    static let kubernetesThreshold = 680.0
    static let goal = 1000.0
    /// How long every pod may take to be bound before the run counts as failed.
    static let boundTimeout = Duration.seconds(300)
    /// How long the Event count may stand still before the benchmark stops waiting for the rest.
    static let eventSettle = Duration.seconds(3)
    /// How often the Event count is read while waiting.
    static let eventPoll = Duration.milliseconds(200)

    static func run(options: BenchmarkOptions) async throws {
        guard let stage4 = StageCluster.executable(named: "stage4") else {
            throw BenchmarkError("no stage4 binary beside bench: build it with `swift build -c release --product stage4`")
        }
        let nodes = try options.int("nodes", default: defaultNodes)
        let initPods = try options.int("init-pods", default: defaultInitPods)
        let pods = try options.int("pods", default: defaultPods)
        print("bench scheduler: \(nodes) nodes, \(initPods) pods first, then \(pods) measured, \(parallel) creates at a time,"
              + " \(ProcessInfo.processInfo.activeProcessorCount) cores")

        let control = try await ControlPlaneProcesses(executable: stage4)
        defer { control.stop() }
        let client = try HTTPClient(baseURL: control.url, maxIdleConnections: parallel + 1)
        try await createNodes(nodes, client: client)
        try await control.startScheduler()
        _ = try await schedule(count: initPods, prefix: "init", client: client, rate: nil)
        let usageBefore = control.usage()
        let run = try await schedule(count: pods, prefix: "measured", client: client, rate: nil)
        let usageAfter = control.usage()

        let perSecond = run.boundPerSecond
        let average = Double(pods) / run.seconds
        print("")
        print(Table.row(["", "pods", "avg pods/s", "p50 /s", "p99 /s", "all in s"]))
        print(Table.row(["\(nodes) nodes", String(pods), Table.format(average), Table.format(perSecond.percentile(0.50)),
                         Table.format(perSecond.percentile(0.99)), Table.format(run.seconds)]))
        print("")
        print(Table.row(["", "CPU s", "CPU %", "RSS MB"]))
        for (index, name) in ["apiserver", "scheduler"].enumerated() {
            let (before, after) = (usageBefore[index], usageAfter[index])
            let cpu = after.cpu.flatMap { a in before.cpu.map { a - $0 } }
            print(Table.row([name, cpu.map(Table.format) ?? "-", cpu.map { Table.format($0 / run.seconds * 100) } ?? "-",
                             after.megabytes.map(Table.format) ?? "-"]))
        }
        let events = try await scheduledEvents(expected: initPods + pods, client: client)
        print("creates: \(pods) answered in \(Table.format(run.createSeconds)) s (\(Table.format(Double(pods) / run.createSeconds)) /s)")
        print("Scheduled events posted: \(events) of \(initPods + pods)")
        print("\navg: pods over the time from the first create to the last bind; p50/p99 /s: percentiles of the pods bound in"
              + " each whole second, as scheduler_perf's SchedulingThroughput; CPU %: of one core (200 is both).")
        print("goal: ≥ \(Table.format(goal)) pods/s (Kubernetes' scheduler_perf threshold for this workload: \(Table.format(kubernetesThreshold)))")

        // The latency run: a fresh cluster of 100 nodes, pods at a steady rate.
        let small = try await ControlPlaneProcesses(executable: stage4)
        defer { small.stop() }
        let smallClient = try HTTPClient(baseURL: small.url, maxIdleConnections: parallel + 1)
        try await createNodes(latencyNodes, client: smallClient)
        try await small.startScheduler()
        let latency = try await schedule(count: latencyPods, prefix: "latency", client: smallClient, rate: latencyRate)
        print("")
        print(Table.row(["", "pods", "rate /s", "p50 ms", "p99 ms", "max ms"]))
        print(Table.row(["\(latencyNodes) nodes", String(latencyPods), Table.format(latencyRate), Table.format(latency.latencies.p50),
                         Table.format(latency.latencies.p99), Table.format(latency.latencies.maximum)]))
        print("\nfrom each create's answer to the watch event showing the pod bound to a node.")
    }

    /// What one batch of pods measured.
    struct Run {
        var latencies: Latencies
        var seconds: Double
        /// Pods bound in each whole second of the run.
        var boundPerSecond: Latencies
        /// From the first create to the last create's answer.
        var createSeconds: Double
    }

    /// Creates `count` pods named `<prefix>-<n>` and waits until every one is bound.
    static func schedule(count: Int, prefix: String, client: HTTPClient, rate: Double?) async throws -> Run {
        let list = try await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/namespaces/default/pods?limit=1"))
        guard let revision = JSONScan.lastString(after: "\"resourceVersion\":\"", in: list.body) else {
            throw BenchmarkError("a list without a resourceVersion: \(list.text.prefix(300))")
        }
        let (head, body) = try await client.stream(HTTPClientRequest(
            method: "GET", target: "/api/v1/namespaces/default/pods?watch=1&resourceVersion=\(revision)"))
        guard head.status.code == 200 else { throw BenchmarkError("watch answered \(head.status)") }
        let namePrefix = "\"name\":\"\(prefix)-"
        let watcher = Task { () throws -> [String: ContinuousClock.Instant] in
            var bound: [String: ContinuousClock.Instant] = [:]
            for try await line in HTTPClient.lines(of: body) {
                let at = ContinuousClock.now
                let bytes = Array(line.utf8)[...]
                guard line.contains(namePrefix), let node = JSONScan.string(after: "\"nodeName\":\"", in: bytes), !node.isEmpty,
                      let name = JSONScan.string(after: "\"name\":\"", in: bytes), bound[name] == nil else { continue }
                bound[name] = at
                if bound.count == count { break }
            }
            return bound
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
                            body: Array(podJSON(name: name).utf8)))
                        guard response.status.code == 201 else { throw BenchmarkError("create answered \(response.status): \(response.text)") }
                        answered[name] = ContinuousClock.now
                    }
                    return answered
                }
            }
            return try await group.reduce(into: [:]) { $0.merge($1) { first, _ in first } }
        }
        let timeout = Task { try await Task.sleep(for: boundTimeout); watcher.cancel() }
        defer { timeout.cancel() }
        let bound: [String: ContinuousClock.Instant]
        do { bound = try await watcher.value } catch {
            throw BenchmarkError("not every pod was bound within \(boundTimeout) (\(error))")
        }
        guard bound.count == count else { throw BenchmarkError("\(bound.count) of \(count) pods bound before the watch ended") }
        let last = bound.values.max() ?? started
        let seconds = Latencies.between(started, last) / 1000
        var buckets = [Double](repeating: 0, count: max(1, Int(seconds)))
        for at in bound.values {
            let second = Int(Latencies.between(started, at) / 1000)
            if second < buckets.count { buckets[second] += 1 }
        }
        let latencies = created.compactMap { name, at in bound[name].map { Latencies.between(at, $0) } }
        let createSeconds = Latencies.between(started, created.values.max() ?? started) / 1000
        return Run(latencies: Latencies(latencies), seconds: seconds, boundPerSecond: Latencies(buckets), createSeconds: createSeconds)
    }

    /// The Events in `default` once the scheduler has posted `expected` of them, or has
    /// posted none for `eventSettle`: each bound pod should have its Scheduled event.
    static func scheduledEvents(expected: Int, client: HTTPClient) async throws -> Int {
        var (count, changed) = (-1, ContinuousClock.now)
        while true {
            let list = try await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/namespaces/default/events?limit=1"))
            guard list.status.code == 200 else { throw BenchmarkError("event list answered \(list.status)") }
            let remaining = JSONScan.offsets(of: Array("\"remainingItemCount\":".utf8), in: list.body[...]).first.map { start in
                Int(String(decoding: list.body[(start + 21)...].prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }, as: UTF8.self)) ?? 0
            } ?? 0
            let now = remaining + (list.text.contains("\"involvedObject\"") ? 1 : 0)
            if now != count { (count, changed) = (now, ContinuousClock.now) }
            if count >= expected || ContinuousClock.now - changed > eventSettle { return count }
            try await Task.sleep(for: eventPoll)
        }
    }

    /// Creates `count` Ready nodes `node-<n>` with scheduler_perf's capacity; no kubelet runs them.
    static func createNodes(_ count: Int, client: HTTPClient) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<parallel {
                group.addTask {
                    for index in stride(from: lane, to: count, by: parallel) {
                        let response = try await client.send(HTTPClientRequest(
                            method: "POST", target: "/api/v1/nodes", headers: ["Content-Type": "application/json"],
                            body: Array(nodeJSON(name: "node-\(index)").utf8)))
                        guard response.status.code == 201 else { throw BenchmarkError("node create answered \(response.status): \(response.text)") }
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// scheduler_perf's `node-default.yaml`: 4 cpus, 32Gi, 110 pods, Ready.
    static func nodeJSON(name: String) -> String {
        """
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"\(name)","labels":{"kubernetes.io/hostname":"\(name)"}},\
        "status":{"capacity":{"cpu":"4","memory":"32Gi","pods":"110"},"allocatable":{"cpu":"4","memory":"32Gi","pods":"110"},\
        "conditions":[{"type":"Ready","status":"True","reason":"KubeletReady","message":"fake node"}]}}
        """
    }

    /// scheduler_perf's `pod-default.yaml`: one container requesting 100m cpu and 500Mi.
    static func podJSON(name: String) -> String {
        """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"\(name)","namespace":"default"},\
        "spec":{"containers":[{"name":"pause","image":"registry.k8s.io/pause:3.9",\
        "resources":{"requests":{"cpu":"100m","memory":"500Mi"},"limits":{"cpu":"100m","memory":"500Mi"}}}]}}
        """
    }
}
