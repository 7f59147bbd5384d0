// Stage 3 · GroupCommit tests: writes that arrive together share one fsync, and each is
// still answered, and reported to the watch, only once it is on disk.
//
// `hold()` stands in for a slow fsync: while held, writes queue as they would behind one in
// flight, so a test can put an exact batch together and then let it go.

import Foundation
import StoreWatch
import Synchronization
import Testing
@testable import GroupCommit
@testable import Storage
@testable import TestSupport

@Suite struct GroupCommitTests {
    @Test func thirtyTwoWritesQueuedBehindAnFsyncShareOne() async throws {
        try await withGroupCommitStore { store, directory in
            store.hold()
            let syncsBefore = await store.base.logSyncCount
            let revisions = try await withThrowingTaskGroup(of: Int64.self) { group in
                for writer in 0..<32 {
                    group.addTask { try await store.create("/k/\(writer)", value: Data("v\(writer)".utf8)) }
                }
                try await eventually("32 writes queued") { store.queuedCount == 32 }
                store.release()
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(revisions.sorted() == Array(2...33))
            #expect(await store.base.logSyncCount - syncsBefore == 1)
            #expect(try directory.loggedRevisions() == Array(2...33))
        }
    }

    /// Writers that keep writing share fsyncs, whatever the timing: their first writes are
    /// held until all 32 are queued, so at least that batch is shared; after it, a write
    /// that finds nothing in flight goes to disk alone at once, so how much more is shared
    /// depends on the machine (`bench store` measures about 19 writes an fsync at 32
    /// writers in a release build). Even if every later write went alone, 320 writes would
    /// take at most 1 + 288 fsyncs.
    @Test func thirtyTwoWritersOfTenWritesEachShareFsyncs() async throws {
        try await withGroupCommitStore { store, _ in
            store.hold()
            let syncsBefore = await store.base.logSyncCount
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<32 {
                    group.addTask {
                        for step in 0..<10 { _ = try await store.create("/k/\(writer)/\(step)", value: Data("v".utf8)) }
                    }
                }
                try await eventually("32 first writes queued") { store.queuedCount == 32 }
                store.release()
                try await group.waitForAll()
            }
            #expect(await store.currentRevision == 1 + 320)
            let syncs = await store.base.logSyncCount - syncsBefore
            #expect(syncs <= 1 + 288, "320 writes from 32 writers took \(syncs) fsyncs")
        }
    }

    @Test func aWriteSeesTheEarlierWritesOfItsOwnBatch() async throws {
        try await withGroupCommitStore { store, directory in
            store.hold()
            var tasks: [Task<Result<Int64, StorageError>, Never>] = []
            let writes: [@Sendable () async throws -> Int64] = [
                { try await store.create("/a", value: Data("1".utf8)) },  // 2
                { try await store.update("/a", value: Data("2".utf8), expectedModRevision: 2) },  // 3: sees the create
                { try await store.update("/a", value: Data("x".utf8), expectedModRevision: 2) },  // conflict with 3
                { try await store.create("/a", value: Data("again".utf8)) },  // already exists
                { try await store.delete("/a", expectedModRevision: 3).revision },  // 4
                { try await store.create("/a", value: Data("3".utf8)) },  // 5: sees the delete
            ]
            for (position, write) in writes.enumerated() {
                tasks.append(Task { () async -> Result<Int64, StorageError> in
                    do { return .success(try await write()) } catch { return .failure(error as! StorageError) }
                })
                try await eventually("write \(position) queued") { store.queuedCount == position + 1 }
            }
            let syncsBefore = await store.base.logSyncCount
            store.release()
            var results: [Result<Int64, StorageError>] = []
            for task in tasks { results.append(await task.value) }

            let afterUpdate = StoredValue(key: "/a", value: Data("2".utf8), createRevision: 2, modRevision: 3, version: 2)
            #expect(results == [
                .success(2), .success(3), .failure(.conflict(key: "/a", current: afterUpdate)),
                .failure(.alreadyExists(key: "/a")), .success(4), .success(5),
            ])
            #expect(await store.base.logSyncCount - syncsBefore == 1)
            #expect(try directory.loggedRevisions() == [2, 3, 4, 5])
            #expect(try await store.get("/a") == StoredValue(key: "/a", value: Data("3".utf8), createRevision: 5, modRevision: 5, version: 1))
        }
    }

    @Test func theObserverHearsEachWriteInRevisionOrderOnlyOnceItIsOnDisk() async throws {
        try await withGroupCommitStore { store, directory in
            let heard = Mutex<[(revision: Int64, onDisk: Bool)]>([])
            await store.observeCommits { _ in
                { write in
                    let onDisk = (try? directory.loggedRevisions().contains(write.revision)) ?? false
                    heard.withLock { $0.append((write.revision, onDisk)) }
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<32 {
                    group.addTask {
                        for step in 0..<4 {
                            let revision = try await store.create("/k/\(writer)/\(step)", value: Data("v".utf8))
                            // Acknowledged: so its record is on disk already.
                            #expect(try directory.loggedRevisions().contains(revision))
                        }
                    }
                }
                try await group.waitForAll()
            }
            let reports = heard.withLock { $0 }
            #expect(reports.map(\.revision) == Array(2...129))
            #expect(reports.allSatisfy { $0.onDisk })
        }
    }

    @Test func aWatchOverTheGroupCommitStoreSeesEveryWriteOfThirtyTwoWritersInOrder() async throws {
        try await withGroupCommitStore { store, _ in
            let watchable = await WatchableStore(store)
            let stream = watchable.watch(prefix: "/k/", after: 1)
            let acknowledged = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for writer in 0..<32 {
                    group.addTask {
                        var revisions: [Int64] = []
                        for step in 0..<4 { revisions.append(try await watchable.create("/k/\(writer)/\(step)", value: Data("v".utf8))) }
                        return revisions
                    }
                }
                return try await group.reduce(into: Set<Int64>()) { $0.formUnion($1) }
            }
            let delivered = try await collect(stream) { $0.revision == 129 }
            #expect(delivered.events.map(\.revision) == Array(2...129))
            #expect(Set(delivered.events.map(\.revision)) == acknowledged)
        }
    }

    @Test func aBatchTakesNoMoreWritesThanItsLimit() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let limits = GroupCommitLimits(maximumBatchWrites: 4, maximumBatchBytes: 1 << 20)
        let store = GroupCommitStore(try DurableStore(directory: directory.path, logger: .silent), limits: limits)
        store.hold()
        let syncsBefore = await store.base.logSyncCount
        try await withThrowingTaskGroup(of: Int64.self) { group in
            for writer in 0..<10 {
                group.addTask { try await store.create("/k/\(writer)", value: Data("v".utf8)) }
            }
            try await eventually("10 writes queued") { store.queuedCount == 10 }
            store.release()
            try await group.waitForAll()
        }
        #expect(await store.base.logSyncCount - syncsBefore == 3, "batches of 4, 4 and 2")
        #expect(await store.currentRevision == 11)
        await store.close()
    }

    @Test func aRefusedWriteAloneCostsNoFsync() async throws {
        try await withGroupCommitStore { store, _ in
            _ = try await store.create("/a", value: Data("1".utf8))
            let syncsBefore = await store.base.logSyncCount
            await #expect(throws: StorageError.alreadyExists(key: "/a")) {
                try await store.create("/a", value: Data("2".utf8))
            }
            #expect(await store.base.logSyncCount == syncsBefore)
            #expect(await store.currentRevision == 2)
        }
    }
}
