// Stage 3 · bench: many clients watching pods, each noting when each change reached it.
//
// Each watcher is its own connection: `GET /api/v1/namespaces/default/pods?watch=1&
// resourceVersion=N`, as an informer's watch is. It reads the stream line by line (one
// event a line), notes the moment each line arrived, and reads the event's
// `resourceVersion` from the bytes (`JSONScan`), so that the benchmark can match each
// arrival with the write that made it. Watchers are opened a few dozen at a time: a
// thousand connects at once would overflow the server's listen backlog, and the
// retransmitted SYNs would be measured as the server's slowness.

import Foundation
import HTTPClient
import Synchronization

/// Open watches and what they have seen; `stop()` ends them and returns every arrival.
final class Watchers: Sendable {
    /// How many watches are being opened at any moment.
    static let openConcurrency = 32

    /// When one event reached one watcher.
    struct Arrival: Sendable {
        let revision: Int64
        let at: ContinuousClock.Instant
    }

    /// The highest revision each watcher has seen, for waiting until all have seen a write.
    private final class Progress: Sendable {
        let highest: Mutex<[Int64]>
        init(count: Int) { highest = Mutex([Int64](repeating: 0, count: count)) }
    }

    private let progress: Progress
    private let tasks: [Task<[Arrival], Never>]

    /// Opens `count` watches from `revision` and returns once each has its response head.
    init(count: Int, server: String, from revision: Int64) async throws {
        let progress = Progress(count: count)
        self.progress = progress
        let client = try HTTPClient(baseURL: server, maxIdleConnections: 1)
        let target = "/api/v1/namespaces/default/pods?watch=1&resourceVersion=\(revision)"
        var streams: [AsyncThrowingStream<[UInt8], Error>] = []
        for batch in stride(from: 0, to: count, by: Self.openConcurrency) {
            let batchStreams = try await withThrowingTaskGroup(of: (Int, AsyncThrowingStream<[UInt8], Error>).self) { group in
                for index in batch..<min(count, batch + Self.openConcurrency) {
                    group.addTask {
                        let (head, body) = try await client.stream(HTTPClientRequest(method: "GET", target: target))
                        guard head.status.code == 200 else { throw BenchmarkError("watch answered \(head.status)") }
                        return (index, body)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }.sorted { $0.0 < $1.0 }.map(\.1)
            }
            streams += batchStreams
        }
        tasks = streams.enumerated().map { index, body in
            Task {
                var arrivals: [Arrival] = []
                do {
                    for try await line in HTTPClient.lines(of: body) {
                        let at = ContinuousClock.now
                        let bytes = Array(line.utf8)
                        guard let text = JSONScan.string(after: "\"resourceVersion\":\"", in: bytes[...]),
                              let revision = Int64(text) else { continue }
                        arrivals.append(Arrival(revision: revision, at: at))
                        progress.highest.withLock { $0[index] = max($0[index], revision) }
                    }
                } catch {
                    // Cancelled by `stop()`, or the watch ended: what arrived is the result.
                }
                return arrivals
            }
        }
    }

    /// Waits, at most `timeout`, until every watcher has seen `revision`; false if some have not.
    func waitUntilAllHaveSeen(_ revision: Int64, timeout: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while progress.highest.withLock({ $0.contains { $0 < revision } }) {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(5))
        }
        return true
    }

    /// Closes every watch and returns what each saw, watcher by watcher.
    func stop() async -> [[Arrival]] {
        for task in tasks { task.cancel() }
        var all: [[Arrival]] = []
        for task in tasks { all.append(await task.value) }
        return all
    }
}
