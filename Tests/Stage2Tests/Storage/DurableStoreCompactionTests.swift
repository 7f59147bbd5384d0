// Stage 2 · Storage tests: a snapshot replaces the log without changing what the store holds.

import Foundation
import Testing
@testable import Storage

@Suite struct DurableStoreCompactionTests {
    /// Creates, updates and deletes keys so that the state has all three kinds of history.
    private func writeHistory(to store: DurableStore, steps: Int) async throws {
        for step in 0..<steps {
            _ = try await store.create("/k/\(step)", value: Data("v\(step)"))
            if step % 2 == 0 { _ = try await store.update("/k/\(step)", value: Data("w\(step)"), expectedModRevision: nil) }
            if step % 3 == 0 { _ = try await store.delete("/k/\(step)", expectedModRevision: nil) }
        }
    }

    @Test func compactionPreservesKeysAndRevisionAcrossReopen() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let store = try DurableStore.open(directory, thresholds: .init(logBytes: 1 << 20, logRecords: 5))
        try await writeHistory(to: store, steps: 20)
        let before = try await store.list(prefix: "")
        await store.close()
        #expect(directory.contains("snapshot"))
        #expect(try recordOffsets(ofLog: directory.read("log")).count < 5)

        let reopened = try DurableStore.open(directory)
        let after = try await reopened.list(prefix: "")
        #expect(after.items == before.items)
        #expect(after.revision == before.revision)
        #expect(try await reopened.create("/next", value: Data("n")) == before.revision + 1)
        await reopened.close()
    }

    @Test func theByteThresholdAlsoTriggersCompaction() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let store = try DurableStore.open(directory, thresholds: .init(logBytes: 4096, logRecords: 1_000_000))
        for step in 0..<10 { _ = try await store.create("/k/\(step)", value: Data(count: 1000)) }
        await store.close()
        #expect(directory.contains("snapshot"))
        #expect(try directory.read("log").count < 4096)
    }

    @Test func aSnapshotOfAnEmptiedKeyspaceKeepsTheRevision() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let store = try DurableStore.open(directory)
        _ = try await store.create("/a", value: Data("1"))
        _ = try await store.delete("/a", expectedModRevision: nil)
        try await store.compact()
        await store.close()

        let reopened = try DurableStore.open(directory)
        #expect(try await reopened.list(prefix: "").items.isEmpty)
        #expect(await reopened.currentRevision == 3)
        await reopened.close()
    }

    @Test func aCrashBetweenInstallingTheSnapshotAndTheFreshLogLosesNothing() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let store = try DurableStore.open(directory)
        try await writeHistory(to: store, steps: 6)
        let oldLog = try directory.read("log")
        try await store.compact()
        let acknowledged = try await store.list(prefix: "")
        await store.close()
        // The new snapshot with the old, full log: the files after step 1 of compaction.
        try directory.write("log", oldLog)

        let recovered = try DurableStore.open(directory)
        let listing = try await recovered.list(prefix: "")
        #expect(listing.items == acknowledged.items)
        #expect(listing.revision == acknowledged.revision)
        #expect(try await recovered.create("/next", value: Data("n")) == acknowledged.revision + 1)
        await recovered.close()
        let again = try DurableStore.open(directory)
        #expect(try await again.get("/next") != nil)
        await again.close()
    }

    @Test func aDamagedSnapshotIsRefused() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let store = try DurableStore.open(directory)
        _ = try await store.create("/a", value: Data("1"))
        try await store.compact()
        await store.close()
        let snapshot = try directory.read("snapshot")
        // A snapshot cut short is damage too: snapshots are renamed into place only whole.
        try directory.write("snapshot", Array(snapshot.dropLast(3)))
        #expect {
            try DurableStore.open(directory)
        } throws: { error in
            guard case StorageError.corrupted(let file, _, _) = error else { return false }
            return file == directory.file("snapshot")
        }
    }
}
