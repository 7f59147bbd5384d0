// Stage 3 · StoreWatch tests: a watcher that stops reading is cut off; nobody else notices.
//
// The store must neither wait for a slow watcher nor queue for it without bound. With a
// buffer of a few events, a watcher that reads nothing is ended as soon as one more event
// would not fit: writes carry on at full speed, a reading watcher beside it gets every
// event, and the slow one gets what was queued, then `fellBehind`, and can resume.

import Foundation
import Storage
import Synchronization
import StoreWatch
import Testing
@testable import TestSupport

@Suite struct SlowWatcherTests {
    static let buffer = 5
    static let writes = 30

    @Test func aWatcherThatStopsReadingIsEndedAsFellBehindWithItsQueueBounded() async throws {
        let limits = WatchLimits(historyEvents: 1_000, historyBytes: 1 << 20, watcherBufferEvents: Self.buffer)
        let store = await WatchableStore(MemoryStore(), limits: limits)
        let slow = store.watch(prefix: "/k/", after: 1)
        let seen = SeenRevision()
        let reader = Task {
            var revisions: [Int64] = []
            for try await event in store.watch(prefix: "/k/", after: 1) {
                revisions.append(event.revision)
                seen.revision = event.revision
                if event.revision == Int64(1 + Self.writes) { break }
            }
            return revisions
        }

        try await eventually("the reading watcher to be registered") { store.watcherCount == 2 }
        for step in 0..<Self.writes {
            let revision = try await store.create("/k/\(step)", value: Data("v\(step)"))
            if step == Self.buffer {
                // The event that did not fit ended the slow watch, within that write.
                #expect(store.watcherCount == 1)
            }
            // The fast watcher reads each event before the next write, so it never falls behind.
            try await eventually("the reading watcher to see revision \(revision)") { seen.revision == revision }
        }
        #expect(try await withDeadline { try await reader.value } == Array(2...Int64(1 + Self.writes)))

        let cutOff = try await collect(slow)
        #expect(cutOff.events.map(\.revision) == Array(2...Int64(1 + Self.buffer)))
        #expect(cutOff.error == .fellBehind(limit: Self.buffer))

        // It resumes from the last revision it saw, which the history still holds.
        let last = try #require(cutOff.events.last?.revision)
        let resumed = try await collect(store.watch(prefix: "/k/", after: last)) { $0.revision == Int64(1 + Self.writes) }
        #expect(resumed.events.map(\.revision) == Array((last + 1)...Int64(1 + Self.writes)))
        try await eventually("every watcher to be gone") { store.watcherCount == 0 }
    }

    @Test func aReplayLongerThanTheBufferIsStillDeliveredWhole() async throws {
        let limits = WatchLimits(historyEvents: 1_000, historyBytes: 1 << 20, watcherBufferEvents: 2)
        let store = await WatchableStore(MemoryStore(), limits: limits)
        for step in 0..<20 { _ = try await store.create("/k/\(step)", value: Data("v")) }
        let late = try await collect(store.watch(prefix: "/k/", after: 1)) { $0.revision == 21 }
        #expect(late.events.map(\.revision) == Array(2...21))
        #expect(late.error == nil)
    }

    @Test func aWatcherWhoseReaderStopsLeavesTheTable() async throws {
        let store = await WatchableStore(MemoryStore())
        let reader = Task {
            for try await _ in store.watch(prefix: "/", after: 1) {}
        }
        try await eventually("the watch to be registered") { store.watcherCount == 1 }
        reader.cancel()
        try await eventually("the cancelled watch to be removed") { store.watcherCount == 0 }
    }
}

/// The last revision a reading watcher saw, shared with the writer that waits for it.
final class SeenRevision: Sendable {
    private let value = Mutex<Int64>(0)
    var revision: Int64 {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
