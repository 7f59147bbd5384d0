// Stage 2 · Storage tests: what survives a restart, a crash, and damaged files.
//
// A `kill -9` can stop the store at any instant. Because every acknowledged write was
// fsynced before its answer, what is on disk at that instant is exactly the acknowledged
// writes, plus perhaps part of one write in flight. These tests build those states (by
// copying the files after a write, and by cutting the log inside its last record) and
// check that opening them yields exactly the acknowledged writes.

import Common
import Foundation
import Testing
@testable import Storage

@Suite struct DurableStoreRecoveryTests {
    @Test func reopeningKeepsEveryKeyAndTheRevisionCounter() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let store = try DurableStore.open(directory)
        _ = try await store.create("/a", value: Data("1"))
        _ = try await store.create("/b", value: Data("2"))
        _ = try await store.update("/a", value: Data("3"), expectedModRevision: 2)
        _ = try await store.delete("/b", expectedModRevision: nil)
        let before = try await store.list(prefix: "")
        await store.close()

        let reopened = try DurableStore.open(directory)
        let after = try await reopened.list(prefix: "")
        #expect(after.items == before.items)
        #expect(after.revision == 5)
        #expect(try await reopened.create("/c", value: Data("4")) == 6)
        await reopened.close()
    }

    @Test func aCopyTakenAfterAnyAcknowledgedWriteReopensToExactlyThatWrite() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        // Compact every few records, so the copies also catch the files around compactions.
        let store = try DurableStore.open(directory, thresholds: .init(logBytes: 1 << 20, logRecords: 4))
        for step in 0..<12 {
            switch step % 3 {
            case 0: _ = try await store.create("/k/\(step)", value: Data("created \(step)"))
            case 1: _ = try await store.update("/k/\(step - 1)", value: Data("updated \(step)"), expectedModRevision: nil)
            default: _ = try await store.delete("/k/\(step - 2)", expectedModRevision: nil)
            }
            let acknowledged = try await store.list(prefix: "")
            let crashed = try directory.copy()
            defer { crashed.remove() }
            let recovered = try DurableStore.open(crashed)
            let listing = try await recovered.list(prefix: "")
            #expect(listing.items == acknowledged.items, "after step \(step)")
            #expect(listing.revision == acknowledged.revision, "after step \(step)")
            await recovered.close()
        }
        await store.close()
    }

    @Test func aLogCutAnywhereInsideItsLastRecordLosesOnlyThatRecord() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let store = try DurableStore.open(directory)
        _ = try await store.create("/a", value: Data("first"))
        _ = try await store.create("/b", value: Data("second"))
        let acknowledged = try await store.list(prefix: "")
        _ = try await store.create("/c", value: Data("the write that was in flight"))
        await store.close()

        let log = try directory.read("log")
        let lastRecord = try #require(try recordOffsets(ofLog: log).last)
        for cut in lastRecord..<log.count {
            let crashed = try ScratchDirectory()
            defer { crashed.remove() }
            try crashed.write("log", Array(log[..<cut]))
            let logs = LogCollector()
            let recovered = try DurableStore.open(crashed, logger: logs.logger(label: "storage"))
            let listing = try await recovered.list(prefix: "")
            #expect(listing.items == acknowledged.items, "cut at \(cut)")
            #expect(listing.revision == acknowledged.revision, "cut at \(cut)")
            let warned = logs.collected.contains { $0.contains("dropped a torn record") }
            #expect(warned == (cut > lastRecord), "cut at \(cut)")
            // The torn bytes are gone from the file, so new records follow intact ones.
            #expect(try await recovered.create("/d", value: Data("after")) == acknowledged.revision + 1)
            await recovered.close()
            let again = try DurableStore.open(crashed)
            #expect(try await again.get("/d")?.value == Data("after"), "cut at \(cut)")
            await again.close()
        }
    }

    @Test(arguments: [[UInt8](repeating: 0, count: 100), [UInt8](repeating: 0xFF, count: 20), Array("garbage".utf8)])
    func garbageAfterTheLastRecordIsDropped(garbage: [UInt8]) async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let store = try DurableStore.open(directory)
        _ = try await store.create("/a", value: Data("1"))
        await store.close()
        let log = try directory.read("log")
        try directory.write("log", log + garbage)

        let recovered = try DurableStore.open(directory)
        #expect(try await recovered.get("/a")?.value == Data("1"))
        #expect(await recovered.currentRevision == 2)
        await recovered.close()
        #expect(try directory.read("log") == log)
    }

    @Test func aDamagedRecordInTheMiddleIsRefusedNamingTheFileAndOffset() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let store = try DurableStore.open(directory)
        for key in ["/a", "/b", "/c"] { _ = try await store.create(key, value: Data("value of \(key)")) }
        await store.close()
        var log = try directory.read("log")
        let offsets = try recordOffsets(ofLog: log)
        log[offsets[1] + RecordFrame.headerBytes + 3] ^= 0x01
        try directory.write("log", log)

        #expect {
            try DurableStore.open(directory)
        } throws: { error in
            guard case StorageError.corrupted(let file, let offset, let reason) = error else { return false }
            return file == directory.file("log") && offset == offsets[1] && reason == "checksum mismatch"
        }
    }

    @Test func aGapInTheLogRevisionsIsRefused() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let put = { (key: String, revision: Int64) in
            RecordFrame.seal(.change(.put(StoredValue(key: key, value: Data("v"), createRevision: revision, modRevision: revision, version: 1))))
        }
        let header = DataDirectory.logHeader(startingAt: 2)
        try directory.write("log", header + put("/a", 2) + put("/b", 4))
        #expect {
            try DurableStore.open(directory)
        } throws: { error in
            guard case StorageError.corrupted(_, let offset, let reason) = error else { return false }
            return offset == header.count + put("/a", 2).count && reason.contains("records are missing")
        }
    }

    @Test func aFileWithoutTheFormatMarkerIsRefused() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("log", Array("{\"not\": \"a log\"}".utf8))
        #expect(throws: StorageError.self) { try DurableStore.open(directory) }
    }

    @Test func aMissingDataDirectoryIsCreatedWithItsParents() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("var/lib/apiserver")
        let store = try DurableStore(directory: path, logger: .silent)
        _ = try await store.create("/a", value: Data("1"))
        await store.close()
        #expect(FileManager.default.fileExists(atPath: path + "/log"))
    }

    @Test func leftoverTemporaryFilesAreIgnoredAndRemoved() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("snapshot.tmp", Array("half a snapshot".utf8))
        try directory.write("log.tmp", [1, 2, 3])
        let store = try DurableStore.open(directory)
        #expect(await store.currentRevision == 1)
        #expect(!directory.contains("snapshot.tmp") && !directory.contains("log.tmp"))
        await store.close()
    }

    @Test func aSecondStoreCannotOpenADirectoryThatIsInUse() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let store = try DurableStore.open(directory)
        #expect(throws: StorageError.locked(directory: directory.path)) { try DurableStore.open(directory) }
        await store.close()
        let reopened = try DurableStore.open(directory)
        await reopened.close()
    }

    @Test func aClosedStoreRefusesEveryCall() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let store = try DurableStore.open(directory)
        await store.close()
        await #expect(throws: StorageError.unavailable(reason: "the store is closed")) {
            try await store.create("/a", value: Data("1"))
        }
        await #expect(throws: StorageError.unavailable(reason: "the store is closed")) {
            try await store.get("/a")
        }
    }
}
