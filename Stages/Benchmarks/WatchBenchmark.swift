// Stage 3 · bench: `bench watch`, how soon a change reaches 1, 100 and 1,000 watchers.
//
// Stage 3's API server runs in process (`InProcessAPIServer`). For each number of
// watchers, that many watches of pods are opened (`Watchers`, one connection each) from
// the current revision, then one client updates pods at a steady rate for a few seconds
// (`PodWriter`). Each watcher notes when each event arrived; matched by revision with the
// write that made it, that gives two latencies per watcher per write: from just before
// the write was sent (the write's own latency, an fsync, included), and from its answer
// (what a controller that writes and a watcher elsewhere would see; it may be negative,
// as the event can beat the answer). Then, with 1,000 watchers open and nothing written,
// the process's CPU (as a share of one core) and resident memory over `--idle-seconds`.
//
// Everything is in one process on a shared machine: the watchers' reading and the
// writer's client cost CPU beside the server's, which the table says.

import Foundation
import HTTP
import WatchCache

enum WatchBenchmark: Benchmark {
    static let name = "watch"
    static let summary = "watch delivery p50/p99 at 1, 100, 1,000 watchers under steady writes; CPU and RSS of 1,000 idle watchers [--rate N/s] [--seconds S] [--idle-seconds S] [--watchers 1,100,1000] [--tick-ms N]"

    static let watcherCounts = [1, 100, 1_000]
    /// Updates a second: a busy small cluster's pace of pod changes.
    static let defaultRate = 20.0
    static let defaultSeconds = 5.0
    static let defaultIdleSeconds = 10.0
    /// How many pods the writer cycles over.
    static let writtenPods = 10
    /// How long every watcher may take to see the last write before the run counts as failed.
    static let drainTimeout = Duration.seconds(20)

    static func run(options: BenchmarkOptions) async throws {
        let rate = try options.double("rate", default: defaultRate)
        let seconds = try options.double("seconds", default: defaultSeconds)
        let idleSeconds = try options.double("idle-seconds", default: defaultIdleSeconds)
        let counts = try options.string("watchers").map(StoreWriteBenchmark.parseWriterCounts) ?? watcherCounts
        // Each watch is two descriptors here (the client's socket and the server's), plus slack.
        let fileLimit = ProcessUsage.raiseOpenFileLimit(to: 2 * (counts.max() ?? 0) + 256)
        guard fileLimit >= 2 * (counts.max() ?? 0) + 64 else {
            throw BenchmarkError("the open-file limit is \(fileLimit), too few for \(counts.max() ?? 0) watches (raise `ulimit -Hn`)")
        }
        // Stage 2's server serves at most 512 connections at once; kube-apiserver has no such
        // cap (its in-flight limits leave watches out), so this run raises it.
        let connections = max(HTTPLimits.defaultMaxConnections, (counts.max() ?? 0) + 64)
        // `--tick-ms`: how often each watch wakes to see whether its client has gone (the
        // watch cache's `tickInterval`), to measure what those wake-ups cost idle watchers.
        var cacheLimits = WatchCacheLimits.standard
        if options.string("tick-ms") != nil { cacheLimits.tickInterval = .milliseconds(try options.int("tick-ms", default: 0)) }
        let server = try await InProcessAPIServer(maxConnections: connections, cacheLimits: cacheLimits)
        var writer = try await PodWriter(server: server.url, pods: writtenPods)
        print("bench watch: \(Table.format(rate)) pod updates/s for \(Table.format(seconds)) s per case, \(writtenPods) pods,"
              + " \(ProcessInfo.processInfo.activeProcessorCount) cores, open-file limit \(fileLimit),"
              + " the API server's connection cap raised from \(HTTPLimits.defaultMaxConnections) to \(connections),"
              + " each watch waking every \(cacheLimits.tickInterval) to see whether its client has gone")
        let baselineMegabytes = ProcessUsage.residentMegabytes()

        var rows: [[String]] = []
        var idle: (cpu: Double, megabytes: Double?, watchers: Int)?
        for count in counts {
            let watchers = try await Watchers(count: count, server: server.url, from: try await writer.currentRevision())
            let writes = try await writer.run(perSecond: rate, for: .milliseconds(Int(seconds * 1000)))
            guard let last = writes.last?.revision else { throw BenchmarkError("no writes in \(seconds) s") }
            let drained = try await watchers.waitUntilAllHaveSeen(last, timeout: drainTimeout)
            if count == counts.max() {
                idle = (try await idleCPU(seconds: idleSeconds), ProcessUsage.residentMegabytes(), count)
            }
            let arrivals = await watchers.stop()
            let (fromSend, fromAnswer, missing) = latencies(writes: writes, arrivals: arrivals)
            let writeLatencies = Latencies(writes.map { Latencies.between($0.sent, $0.answered) })
            rows.append([String(count), String(writes.count), Table.format(writeLatencies.p50), Table.format(writeLatencies.p99),
                         Table.count(Double(fromSend.count)),
                         Table.format(fromSend.p50), Table.format(fromSend.p99), Table.format(fromSend.maximum),
                         Table.format(fromAnswer.p50), Table.format(fromAnswer.p99), drained ? String(missing) : "\(missing)!"])
        }
        await server.stop()

        print("")
        print(Table.row(["watchers", "writes", "write p50", "write p99", "deliveries", "p50 ms", "p99 ms", "max ms", "p50 ans.", "p99 ans.", "missed"]))
        for row in rows { print(Table.row(row)) }
        print("\nwrite p50/p99: each update's own latency, sent to answered (ms). p50/p99/max: from just before the write was sent to the event's line at the watcher (the write's own"
              + " fsync included); \"ans.\": from the write's answer. missed: events a watcher never saw (\"!\": not all"
              + " had caught up within \(drainTimeout)).")
        if let idle {
            let memory = idle.megabytes.map { "\(Table.format($0)) MB resident" } ?? "resident memory unknown"
            let base = baselineMegabytes.map { " (\(Table.format($0)) MB before any watch)" } ?? ""
            print("\(idle.watchers) idle watchers for \(Table.format(idleSeconds)) s: \(Table.format(idle.cpu)) % of one core"
                  + " (server and clients together), \(memory)\(base)")
        }
        print("goals: p99 ≤ 10 ms with 100 watchers; 1,000 idle watchers under 5% of a core")
    }

    /// This process's CPU over `seconds` with nothing written, as a percentage of one core.
    static func idleCPU(seconds: Double) async throws -> Double {
        try await Task.sleep(for: .milliseconds(500))
        let before = ProcessUsage.cpuSeconds()
        let start = ContinuousClock.now
        try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        return (ProcessUsage.cpuSeconds() - before) / (Latencies.between(start, .now) / 1000) * 100
    }

    /// Each watcher's arrival of each write, as latencies; and how many arrivals were missing.
    static func latencies(writes: [PodWriter.Write], arrivals: [[Watchers.Arrival]]) -> (Latencies, Latencies, Int) {
        var fromSend: [Double] = []
        var fromAnswer: [Double] = []
        var missing = 0
        for watcher in arrivals {
            var firstArrival: [Int64: ContinuousClock.Instant] = [:]
            for arrival in watcher where firstArrival[arrival.revision] == nil { firstArrival[arrival.revision] = arrival.at }
            for write in writes {
                guard let at = firstArrival[write.revision] else { missing += 1; continue }
                fromSend.append(Latencies.between(write.sent, at))
                fromAnswer.append(at < write.answered ? -Latencies.between(at, write.answered) : Latencies.between(write.answered, at))
            }
        }
        return (Latencies(fromSend), Latencies(fromAnswer), missing)
    }
}
