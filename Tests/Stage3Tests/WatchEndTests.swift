// Stage 3 · WatchCache tests: how a watch from the store ends — its time is up, or its client fell behind.
//
// These call `StoreWatchSource` directly with a `WatchSink` of the test's own, because
// over a socket the kernel's buffers hide a slow client; here the sink's write can be
// held shut while the store moves on.

import API
import APIMachinery
@testable import APIServer
import Storage
import StoreWatch
import Synchronization
import Testing
import WatchCache
@testable import TestSupport

@Suite struct WatchEndTests {
    /// The lines a sink has written, as text.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        /// Records `line`; returns how many there are now.
        func append(_ line: [UInt8]) -> Int {
            lines.withLock { $0.append(String(decoding: line, as: UTF8.self)); return $0.count }
        }
    }

    @Test func aQuietWatchEndsWhenItsTimeoutPasses() async throws {
        try await withDeadline(seconds: 30) {
            let store = await WatchableStore(MemoryStore())
            let source = StoreWatchSource(store: store, tickInterval: .milliseconds(10))
            let lines = Lines()
            let sink = WatchSink<PodStrategy>(
                timeout: .milliseconds(100), isClientGone: { false }, write: { _ = lines.append($0) })
            try await source.watch(RESTStorage<PodStrategy>(store: store), WatchRequest(), into: sink)
            #expect(lines.all.isEmpty)
            #expect(store.watcherCount == 0)
        }
    }

    @Test func aClientThatFallsBehindHasItsStreamEndedWithoutAnError() async throws {
        try await withDeadline(seconds: 30) {
            let store = await WatchableStore(MemoryStore())
            let storage = RESTStorage<PodStrategy>(store: store)
            let source = StoreWatchSource(store: store, tickInterval: .milliseconds(10), bufferEvents: 2)
            let (gate, open) = AsyncStream<Void>.makeStream()
            let lines = Lines()
            let start = String(await store.currentRevision)
            let watching = Task {
                // The first write is held until the test opens the gate: a client that stopped reading.
                let sink = WatchSink<PodStrategy>(timeout: .seconds(60), isClientGone: { false }) { line in
                    if lines.append(line) == 1 { for await _ in gate {} }
                }
                try await source.watch(storage, WatchRequest(resourceVersion: start), into: sink)
            }
            for index in 0..<10 { _ = try await storage.create(makePod("p\(index)"), namespace: "default") }
            try await eventually("the store to let go of the watch that fell behind") { store.watcherCount == 0 }
            open.finish()
            try await watching.value
            #expect(lines.all.count < 10)
            #expect(lines.all.allSatisfy { $0.hasPrefix(#"{"type":"ADDED""#) })
        }
    }
}
