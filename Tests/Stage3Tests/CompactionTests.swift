// Stage 3 · StoreWatch tests: a compacted past is refused loudly, with the compact revision.
//
// The history forgets from the front: past its event or byte limit, or when told to
// compact. A watch or a read that needs a forgotten event is refused with
// `HistoryError.compacted`, naming the revision the history now starts after, so the
// caller can re-list and watch from there (etcd's `compact_revision`, Kubernetes' 410).

import Foundation
import Storage
import StoreWatch
import Testing
@testable import TestSupport

@Suite struct CompactionTests {
    @Test func pastTheEventLimitTheOldestEventsAreForgottenAndOldWatchesRefused() async throws {
        let limits = WatchLimits(historyEvents: 10, historyBytes: 1 << 20, watcherBufferEvents: 100)
        let store = await WatchableStore(MemoryStore(), limits: limits)
        for step in 0..<30 { _ = try await store.create("/k/\(step)", value: Data("v")) }
        // Revisions 2…31 were written; the last 10 (22…31) are kept.
        #expect(store.compactRevision == 21)

        let old = try await collect(store.watch(prefix: "/k/", after: 5))
        #expect(old.events.isEmpty)
        #expect(old.error == .compacted(requested: 5, compactRevision: 21))

        let recent = try await collect(store.watch(prefix: "/k/", after: 21)) { $0.revision == 31 }
        #expect(recent.events.map(\.revision) == Array(22...31))
    }

    @Test func pastTheByteLimitTheOldestEventsAreForgotten() async throws {
        let limits = WatchLimits(historyEvents: 1_000, historyBytes: 4 * 1024, watcherBufferEvents: 100)
        let store = await WatchableStore(MemoryStore(), limits: limits)
        let big = Data(repeating: 7, count: 1024)
        for step in 0..<10 { _ = try await store.create("/k/\(step)", value: big) }
        // Each event holds about 1 KiB, so only the newest few fit in 4 KiB.
        #expect(store.compactRevision >= 11 - 4)
        #expect(store.compactRevision < 11)
    }

    @Test func compactingRefusesWatchesAndExactReadsFromBeforeTheCompactRevision() async throws {
        let store = await WatchableStore(MemoryStore())
        for step in 0..<10 { _ = try await store.create("/k/\(step)", value: Data("v\(step)")) }
        store.compact(through: 6)
        #expect(store.compactRevision == 6)

        let refused = try await collect(store.watch(prefix: "", after: 5))
        #expect(refused.error == .compacted(requested: 5, compactRevision: 6))
        await #expect(throws: HistoryError.compacted(requested: 5, compactRevision: 6)) {
            try await store.list(prefix: "/k/", atRevision: 5)
        }
        await #expect(throws: HistoryError.compacted(requested: 2, compactRevision: 6)) {
            try await store.get("/k/0", atRevision: 2)
        }

        // At the compact revision itself both still work.
        let kept = try await collect(store.watch(prefix: "", after: 6)) { $0.revision == 11 }
        #expect(kept.events.map(\.revision) == Array(7...11))
        #expect(try await store.list(prefix: "/k/", atRevision: 6).map(\.key) == (0..<5).map { "/k/\($0)" })

        // Compacting is never undone, and never runs past the newest revision.
        store.compact(through: 3)
        #expect(store.compactRevision == 6)
        store.compact(through: 100)
        #expect(store.compactRevision == 11)
        _ = try await store.create("/k/next", value: Data("v"))
        let after = try await collect(store.watch(prefix: "", after: 11)) { $0.revision == 12 }
        #expect(after.events.map(\.key) == ["/k/next"])
    }

    @Test func theCompactorForgetsThroughTheRevisionOfItsPreviousTick() async throws {
        let store = await WatchableStore(MemoryStore())
        for step in 0..<5 { _ = try await store.create("/k/\(step)", value: Data("v")) }
        let compactor = Task { try await Compactor(store: store, interval: .milliseconds(20), clock: ContinuousClock()).run() }
        defer { compactor.cancel() }
        // The first tick notes revision 6, the second compacts through it.
        try await eventually("the compactor to compact through revision 6") { store.compactRevision == 6 }
        _ = try await store.create("/k/next", value: Data("v"))
        try await eventually("the compactor to compact through revision 7") { store.compactRevision == 7 }
        let refused = try await collect(store.watch(prefix: "", after: 6))
        #expect(refused.error == .compacted(requested: 6, compactRevision: 7))
    }
}
