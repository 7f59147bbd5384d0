// Stage 3 · bench: N writers, each writing as fast as its answers come, for a fixed time.
//
// A writer sends one write, waits for its answer, and sends the next: as an API server's
// request handlers do, each waiting for the store. So N writers keep at most N writes in
// flight, and the figures say what the store does with that many: writes per second over
// the run, and the latency of each write, from call to answer, at the 50th and 99th
// percentiles. A short warm-up runs first and is not counted.

/// How many writes a store answered, and how fast.
struct WriteFigures {
    let writes: Int
    let seconds: Double
    /// Every write's latency, sorted, in milliseconds.
    let latencies: [Double]
    /// For the embedded store: how many writes shared each fsync of its log.
    var writesPerFsync: Double?

    /// Several runs taken as one: their writes and times added, their latencies pooled.
    init(merging runs: [WriteFigures]) {
        writes = runs.map(\.writes).reduce(0, +)
        seconds = runs.map(\.seconds).reduce(0, +)
        latencies = runs.flatMap(\.latencies).sorted()
        let shares = runs.compactMap(\.writesPerFsync)
        writesPerFsync = shares.isEmpty ? nil : shares.reduce(0, +) / Double(shares.count)
    }

    init(writes: Int, seconds: Double, latencies: [Double]) {
        self.writes = writes
        self.seconds = seconds
        self.latencies = latencies
    }

    var writesPerSecond: Double { Double(writes) / seconds }
    var p50: Double { percentile(0.50) }
    var p99: Double { percentile(0.99) }

    func percentile(_ fraction: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        return latencies[min(latencies.count - 1, Int(Double(latencies.count) * fraction))]
    }
}

enum WriteLoad {
    /// How long writers run before the counted run starts.
    static let warmUp = Duration.milliseconds(300)

    /// Runs `writers` writers for `duration`, each calling `write(writer, step)` in a loop.
    static func run(
        writers: Int, for duration: Duration, _ write: @escaping @Sendable (_ writer: Int, _ step: Int) async throws -> Void
    ) async throws -> WriteFigures {
        let clock = ContinuousClock()
        let start = clock.now
        let countFrom = start + warmUp
        let end = countFrom + duration
        let perWriter = try await withThrowingTaskGroup(of: [Double].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var latencies: [Double] = []
                    var step = 0
                    while clock.now < end {
                        let sent = clock.now
                        try await write(writer, step)
                        step += 1
                        if sent >= countFrom { latencies.append(milliseconds(clock.now - sent)) }
                    }
                    return latencies
                }
            }
            return try await group.reduce(into: [[Double]]()) { $0.append($1) }
        }
        let latencies = perWriter.flatMap { $0 }.sorted()
        return WriteFigures(writes: latencies.count, seconds: milliseconds(clock.now - countFrom) / 1000, latencies: latencies)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
