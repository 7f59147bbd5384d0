// Stage 3 · GroupCommit tests: a first segment that lost its end is noticed by the second.
//
// While a snapshot is written beside the writes, appends go to `log.next`, whose start
// record names the revision after the last one `log` holds. A `log` cut short after that
// leaves a hole the start record shows, even with no `acknowledged` file to compare with.

import Foundation
import Testing
@testable import GroupCommit
@testable import Storage
@testable import TestSupport

@Suite struct SegmentGapTests {
    @Test func aFirstSegmentCutShortIsRefusedSayingHowManyRevisionsAreMissing() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let base = try DurableStore(directory: directory.path, thresholds: SnapshotBesideWritesTests.threshold, logger: .silent)
        let store = GroupCommitStore(base)
        let gate = SnapshotGate(at: .beforeInstalling)
        await base.pauseSnapshots(gate.pause)
        for step in 0..<20 { _ = try await store.create("/k/\(step)", value: Data("v".utf8)) }
        try await eventually("the snapshot is held") { gate.isHolding }
        for step in 20..<25 { _ = try await store.create("/k/\(step)", value: Data("v".utf8)) }

        let crashed = try directory.copyAllSegments()  // `log` holds 2…21, `log.next` 22…26
        defer { crashed.remove() }
        gate.release()
        await store.close()
        let logURL = URL(fileURLWithPath: crashed.path + "/log")
        let log = Array(try Data(contentsOf: logURL))
        let offsets = try RecordScan(log, from: DataDirectory.logMagic.count, file: "log", allowsTornTail: false).records.map(\.offset)
        try Data(log[..<offsets[17]]).write(to: logURL)  // keeps 2…17: 18…21 are gone
        #expect {
            try DurableStore(directory: crashed.path, logger: .silent)
        } throws: { error in
            guard case StorageError.incomplete(_, let reason) = error else { return false }
            return reason.contains("starts at revision 22: 4 revisions (18…21) are missing")
        }
    }
}
