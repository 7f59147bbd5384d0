// Stage 2 · Storage tests: files that lost acknowledged writes are noticed, never opened as less.
//
// A crash leaves at most the write in flight half-written, and recovery drops it. Every
// other loss (a log cut at a record boundary or inside a record, a deleted log, a log cut
// back to its format marker, a deleted snapshot) would open as an older state and hand
// out revisions that clients have already seen. These tests make each loss by hand and
// expect the store to refuse, saying how many revisions are missing.

import Common
import Foundation
import Testing
@testable import Storage

@Suite struct DurableStoreLossDetectionTests {
    /// A closed store in a fresh directory with `count` creates: revisions 2 … count + 1.
    private func storeWithWrites(_ count: Int, thresholds: DurableStore.CompactionThresholds = .standard) async throws -> ScratchDirectory {
        let directory = try ScratchDirectory()
        let store = try DurableStore.open(directory, thresholds: thresholds)
        for step in 0..<count { _ = try await store.create("/k/\(step)", value: Data("value \(step)")) }
        await store.close()
        return directory
    }

    /// The reason of the `.incomplete` error opening `directory` throws, or nil.
    private func refusal(opening directory: ScratchDirectory) -> String? {
        do {
            _ = try DurableStore.open(directory)  // closed again as it goes
            return nil
        } catch StorageError.incomplete(let path, let reason) {
            #expect(path == directory.path)
            return reason
        } catch {
            Issue.record("expected .incomplete, got \(error)")
            return nil
        }
    }

    @Test func aLogCutAtARecordBoundaryIsRefusedSayingHowManyAcknowledgedWritesAreGone() async throws {
        let directory = try await storeWithWrites(10)
        defer { directory.remove() }
        let log = try directory.read("log")
        let offsets = try recordOffsets(ofLog: log)  // the start record, then revisions 2…11
        try directory.write("log", Array(log[..<offsets[7]]))  // keeps revisions 2…7

        let reason = try #require(refusal(opening: directory))
        #expect(reason.contains("the last 4 acknowledged writes are gone (revisions 8…11)"), "\(reason)")
        #expect(try directory.read("log") == Array(log[..<offsets[7]]), "nothing is changed on a refusal")
    }

    @Test func aLogCutInsideARecordIsRefusedCountingEveryWriteAfterTheCut() async throws {
        let directory = try await storeWithWrites(30)
        defer { directory.remove() }
        let log = try directory.read("log")
        let offsets = try recordOffsets(ofLog: log)
        // Inside revision 4's record: 2 and 3 survive; 4 is torn; 5…31 are gone with it.
        try directory.write("log", Array(log[..<(offsets[3] + 20)]))

        let reason = try #require(refusal(opening: directory))
        #expect(reason.contains("the last 28 acknowledged writes are gone (revisions 4…31)"), "\(reason)")
    }

    @Test func removingTheAcknowledgedFileOpensACutLogAtItsLastRevision() async throws {
        let directory = try await storeWithWrites(5)
        defer { directory.remove() }
        let log = try directory.read("log")
        try directory.write("log", Array(log[..<(try recordOffsets(ofLog: log)[4])]))
        #expect(refusal(opening: directory) != nil)
        // What the refusal tells an operator who accepts the loss.
        try FileManager.default.removeItem(atPath: directory.file("acknowledged"))
        let store = try DurableStore.open(directory)
        #expect(await store.currentRevision == 4)
        await store.close()
    }

    @Test func aDeletedLogIsRefusedWhileTheSnapshotIsThereEvenWithoutTheAcknowledgedFile() async throws {
        let directory = try await storeWithWrites(3)
        defer { directory.remove() }
        #expect(directory.contains("snapshot"), "a new store writes an empty snapshot at revision 1")
        try FileManager.default.removeItem(atPath: directory.file("log"))
        let counted = try #require(refusal(opening: directory))
        #expect(counted.contains("the log is missing"), "\(counted)")
        #expect(counted.contains("the 3 acknowledged after it (revisions 2…4) are gone"), "\(counted)")

        try FileManager.default.removeItem(atPath: directory.file("acknowledged"))
        let uncounted = try #require(refusal(opening: directory))
        #expect(uncounted.contains("the log is missing; the snapshot holds the writes up to revision 1"), "\(uncounted)")
        #expect(!directory.contains("log"), "a refused directory is left as it was")
    }

    @Test func aLogCutBackToItsFormatMarkerIsRefused() async throws {
        let directory = try await storeWithWrites(3)
        defer { directory.remove() }
        try FileManager.default.removeItem(atPath: directory.file("acknowledged"))
        try directory.write("log", DataDirectory.logMagic)
        #expect {
            try DurableStore.open(directory)
        } throws: { error in
            guard case StorageError.corrupted(let file, _, let reason) = error else { return false }
            return file == directory.file("log") && reason.contains("no start record")
        }
    }

    @Test func aLogThatStartsAfterTheSnapshotEndsIsRefusedSayingHowManyRevisionsAreMissing() async throws {
        // Compactions at every 4th record: the snapshot ends at 9, the log starts at 10.
        let directory = try await storeWithWrites(10, thresholds: .init(logBytes: 1 << 20, logRecords: 4))
        defer { directory.remove() }
        let oldSnapshot = try await { () async throws -> [UInt8] in
            let first = try await storeWithWrites(1)
            defer { first.remove() }
            return try first.read("snapshot")  // at revision 1
        }()
        try FileManager.default.removeItem(atPath: directory.file("acknowledged"))
        try directory.write("snapshot", oldSnapshot)
        let reason = try #require(refusal(opening: directory))
        #expect(reason.contains("the snapshot reaches revision 1 but"), "\(reason)")
        #expect(reason.contains("starts at revision 10: 8 revisions (2…9) are missing"), "\(reason)")

        try FileManager.default.removeItem(atPath: directory.file("snapshot"))
        let withoutSnapshot = try #require(refusal(opening: directory))
        #expect(withoutSnapshot.contains("8 revisions (2…9) are missing"), "\(withoutSnapshot)")
    }

    @Test func emptiedFilesWithTheAcknowledgedFileLeftAreRefusedNotTakenForANewStore() async throws {
        let directory = try await storeWithWrites(2)
        defer { directory.remove() }
        try FileManager.default.removeItem(atPath: directory.file("log"))
        try FileManager.default.removeItem(atPath: directory.file("snapshot"))
        let reason = try #require(refusal(opening: directory))
        #expect(reason.contains("neither a snapshot nor a log, but the store had acknowledged writes up to revision 3"), "\(reason)")
    }

    @Test func aTornRecordThatWasNeverAcknowledgedIsDroppedSayingNoAcknowledgedWriteWasLost() async throws {
        let directory = try await storeWithWrites(2)
        defer { directory.remove() }
        // Half of the frame of revision 4, which no caller was told succeeded.
        let inFlight = RecordFrame.seal(.change(.put(StoredValue(
            key: "/k/in-flight", value: Data("never acknowledged"), createRevision: 4, modRevision: 4, version: 1))))
        let log = try directory.read("log")
        try directory.write("log", log + inFlight.prefix(inFlight.count / 2))
        let logs = LogCollector()
        let store = try DurableStore.open(directory, logger: logs.logger(label: "storage"))
        #expect(await store.currentRevision == 3)
        await store.close()
        let warning = try #require(logs.collected.first { $0.contains("dropped a torn record") })
        #expect(warning.contains("acknowledgedWritesLost=0"), "\(warning)")
        #expect(warning.contains("logEndsAt=3"), "\(warning)")
        #expect(warning.contains("bytes=\(inFlight.count / 2)"), "\(warning)")
    }

    @Test func aLogOfTheFormatBeforeStartRecordsIsRefusedSayingWhatToDo() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("log", Array("KSWLOG01".utf8))
        #expect {
            try DurableStore.open(directory)
        } throws: { error in
            guard case StorageError.corrupted(_, _, let reason) = error else { return false }
            return reason.contains("KSWLOG01") && reason.contains("move the data directory away")
        }
    }
}
