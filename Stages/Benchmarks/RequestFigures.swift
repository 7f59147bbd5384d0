// Stage 3 · bench: requests sent back to back by a few clients, and what they cost.
//
// Each client sends one request, waits for the whole answer, and sends the next, for a
// fixed time after a short warm-up that is not counted. The figures: requests per second,
// each one's latency, and CPU per request, this process's (`getrusage`) and, when the
// server is another process (etcd), that process's too.

struct RequestFigures {
    let requests: Int
    let seconds: Double
    let latencies: Latencies
    let cpuMillisecondsPerRequest: Double
    let peerCPUMillisecondsPerRequest: Double?

    var perSecond: Double { Double(requests) / seconds }

    /// Several runs of the same case taken as one: requests, times and CPU added, latencies pooled.
    init(merging runs: [RequestFigures]) {
        requests = runs.map(\.requests).reduce(0, +)
        seconds = runs.map(\.seconds).reduce(0, +)
        latencies = Latencies(runs.flatMap(\.latencies.milliseconds))
        let total = Double(max(1, requests))
        cpuMillisecondsPerRequest = runs.map { $0.cpuMillisecondsPerRequest * Double($0.requests) }.reduce(0, +) / total
        let peers = runs.compactMap { run in run.peerCPUMillisecondsPerRequest.map { $0 * Double(run.requests) } }
        peerCPUMillisecondsPerRequest = peers.count == runs.count ? peers.reduce(0, +) / total : nil
    }

    init(requests: Int, seconds: Double, latencies: Latencies, cpuMillisecondsPerRequest: Double, peerCPUMillisecondsPerRequest: Double?) {
        self.requests = requests
        self.seconds = seconds
        self.latencies = latencies
        self.cpuMillisecondsPerRequest = cpuMillisecondsPerRequest
        self.peerCPUMillisecondsPerRequest = peerCPUMillisecondsPerRequest
    }

    /// Requests sent before counting starts, by each client.
    static let warmUpRequests = 5

    static func measure(
        clients: Int, for duration: Duration, peer: Int32? = nil, _ request: @escaping @Sendable () async throws -> Void
    ) async throws -> RequestFigures {
        for _ in 0..<warmUpRequests { try await request() }
        let clock = ContinuousClock()
        let cpuBefore = ProcessUsage.cpuSeconds()
        let peerBefore = peer.flatMap(ProcessUsage.cpuSeconds(ofProcess:))
        let start = clock.now
        let end = start + duration
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<clients {
                group.addTask {
                    var latencies: [Double] = []
                    while clock.now < end {
                        let sent = clock.now
                        try await request()
                        latencies.append(Latencies.between(sent, clock.now))
                    }
                    return latencies
                }
            }
            return try await group.reduce(into: [Double]()) { $0 += $1 }
        }
        let seconds = Latencies.between(start, clock.now) / 1000
        let cpu = ProcessUsage.cpuSeconds() - cpuBefore
        let peerCPU = peer.flatMap(ProcessUsage.cpuSeconds(ofProcess:)).flatMap { after in peerBefore.map { after - $0 } }
        let count = max(1, latencies.count)
        return RequestFigures(requests: latencies.count, seconds: seconds, latencies: Latencies(latencies),
                              cpuMillisecondsPerRequest: cpu * 1000 / Double(count),
                              peerCPUMillisecondsPerRequest: peerCPU.map { $0 * 1000 / Double(count) })
    }
}
