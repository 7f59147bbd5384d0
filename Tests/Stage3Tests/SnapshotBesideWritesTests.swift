// Stage 3 · GroupCommit tests: a snapshot is written while writes go on, and a crash at
// any step of it loses nothing.
//
// With group commit, a log past its threshold is folded into a snapshot written from a
// copy of the keyspace on a thread of its own, while appends go to a second segment,
// `log.next` (`DurableStore.startSnapshot`). The tests hold that thread at a step, write
// meanwhile (every write is answered: nothing waits for the snapshot), and reopen a copy
// of the files, which is what `kill -9` at that step leaves.

import Foundation
import Testing
@testable import GroupCommit
@testable import Storage
@testable import TestSupport

@Suite struct SnapshotBesideWritesTests {
    /// Compact after this many records, so a snapshot starts early.
    static let threshold = DurableStore.CompactionThresholds(logBytes: 1 << 30, logRecords: 20)

    @Test(arguments: [DurableStore.SnapshotStep.beforeInstalling, .afterInstalling])
    func writesAreAnsweredWhileASnapshotIsWrittenAndACrashThereLosesNothing(heldAt step: DurableStore.SnapshotStep) async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let base = try DurableStore(directory: directory.path, thresholds: Self.threshold, logger: .silent)
        let store = GroupCommitStore(base)
        let gate = SnapshotGate(at: step)
        await base.pauseSnapshots(gate.pause)

        for step in 0..<20 { _ = try await store.create("/k/\(step)", value: Data("v\(step)".utf8)) }
        try await eventually("the snapshot is held") { gate.isHolding }
        // The snapshot is stuck; writes are answered all the same, to the second segment.
        for step in 20..<60 { _ = try await store.create("/k/\(step)", value: Data("v\(step)".utf8)) }
        _ = try await store.delete("/k/3", expectedModRevision: nil)
        #expect(await base.isSnapshotting)
        #expect(directory.contains("log.next"))
        let acknowledged = try await store.list(prefix: "")

        let crashed = try directory.copyAllSegments()
        defer { crashed.remove() }
        try await expectReopening(crashed, holds: acknowledged)

        gate.release()
        try await eventually("the snapshot is done") { !(await base.isSnapshotting) }
        #expect(!directory.contains("log.next") && directory.contains("snapshot"))
        _ = try await store.update("/k/0", value: Data("after".utf8), expectedModRevision: nil)
        let final = try await store.list(prefix: "")
        await store.close()
        try await expectReopening(directory, holds: final)
    }

    @Test func aCrashRightAfterTheSegmentSwitchLosesNothing() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let base = try DurableStore(directory: directory.path, thresholds: Self.threshold, logger: .silent)
        let store = GroupCommitStore(base)
        let gate = SnapshotGate(at: .beforeInstalling)
        await base.pauseSnapshots(gate.pause)
        for step in 0..<20 { _ = try await store.create("/k/\(step)", value: Data("v".utf8)) }
        try await eventually("the snapshot is held") { gate.isHolding }
        // An empty second segment, no new snapshot yet: everything is in the old log.
        let acknowledged = try await store.list(prefix: "")
        let crashed = try directory.copyAllSegments()
        defer { crashed.remove() }
        try await expectReopening(crashed, holds: acknowledged)
        gate.release()
        await store.close()
    }

    /// Opens `directory` as a store, expects exactly `listing`, then a write at the next
    /// revision; and expects the reopened files folded into a snapshot and one log.
    private func expectReopening(
        _ directory: ScratchDirectory, holds listing: (items: [StoredValue], revision: Int64),
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let store = try DurableStore(directory: directory.path, logger: .silent)
        let reopened = try await store.list(prefix: "")
        #expect(reopened.items == listing.items, sourceLocation: sourceLocation)
        #expect(reopened.revision == listing.revision, sourceLocation: sourceLocation)
        #expect(!directory.contains("log.next"), "the segments were folded", sourceLocation: sourceLocation)
        #expect(try await store.create("/next", value: Data("n".utf8)) == listing.revision + 1, sourceLocation: sourceLocation)
        await store.close()
        let again = try DurableStore(directory: directory.path, logger: .silent)
        #expect(await again.currentRevision == listing.revision + 1, sourceLocation: sourceLocation)
        await again.close()
    }
}
