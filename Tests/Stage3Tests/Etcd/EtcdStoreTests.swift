// Stage 3 · EtcdStore tests: what is particular to keeping the store in etcd.
//
// The contract rules (StoreContractTests) prove etcd behaves as the embedded store.
// These prove the rest: the keys are Kubernetes' own, so etcdctl shows what the API
// server wrote; the compaction revision means the same as the embedded store's, though
// etcd's watch would start one revision earlier; a compaction made by another client is
// found; a watch is canceled in etcd when its reader lets go, and slowed, not cut off,
// when its reader falls behind; and progress comes through the watch. (A store whose
// etcd is not there: EtcdUnreachableTests.)

import Foundation
import EtcdStore
import Storage
import StoreWatch
import Testing
@testable import TestSupport

@Suite(.serialized, .enabled(if: etcdIsInstalled, "needs etcd and etcdctl on PATH (Debian: apt-get install etcd-server etcd-client)"), .etcd())
struct EtcdStoreTests {
    private func makeStore(_ endpoints: [String]? = nil) throws -> EtcdStore {
        try EtcdStore(connectingTo: endpoints ?? EtcdCluster.required().clientURLs, logger: .silent)
    }

    @Test func etcdctlShowsTheKeysAndValuesTheStoreWrote() async throws {
        let store = try makeStore()
        let pod = #"{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web","namespace":"default"}}"#
        let revision = try await store.create("/registry/pods/default/web", value: Data(pod))
        let output = try await EtcdCluster.required().etcdctl(["get", "--prefix", "/registry/pods/"])
        #expect(output == "/registry/pods/default/web\n\(pod)\n")
        // etcd's mod_revision is the object's resourceVersion.
        let json = try await EtcdCluster.required().etcdctl(["get", "/registry/pods/default/web", "-w", "json"])
        #expect(json.contains(#""mod_revision":\#(revision)"#))
    }

    @Test func aWatchFromJustBeforeTheCompactionIsRefusedThoughEtcdWouldStartItThere() async throws {
        let store = try makeStore()
        let key = "/compaction/\(UUID().uuidString)"
        _ = try await store.create(key, value: Data("v1"))
        let compacted = try await store.update(key, value: Data("v2"), expectedModRevision: nil)
        _ = try await store.update(key, value: Data("v3"), expectedModRevision: nil)
        try await store.compact(through: compacted)
        // etcd itself would start a watch at `compacted` (start_revision = compacted), but
        // its event there would lack the v1 it replaced; the store refuses instead.
        let refused = try await collect(store.watch(prefix: key, after: compacted - 1))
        #expect(refused.events.isEmpty)
        #expect(refused.error == .compacted(requested: compacted - 1, compactRevision: compacted))
        // From the compaction revision on, every event is whole.
        let kept = try await collect(store.watch(prefix: key, after: compacted)) { _ in true }
        #expect(kept.events.first?.value?.value == Data("v3"))
        #expect(kept.events.first?.previous?.value == Data("v2"))
    }

    @Test func aCompactionByAnotherClientIsFoundAndRefusedTheSameWay() async throws {
        let (mine, theirs) = (try makeStore(), try makeStore())
        let key = "/foreign/\(UUID().uuidString)"
        for step in 0..<6 { _ = try await mine.create(key + "/\(step)", value: Data("v")) }
        let target = await mine.currentRevision - 2
        try await theirs.compact(through: target)
        #expect(await mine.compactRevision == target)
        await #expect(throws: HistoryError.compacted(requested: target - 1, compactRevision: target)) {
            try await mine.list(prefix: key, atRevision: target - 1)
        }
        let refused = try await collect(mine.watch(prefix: key, after: target - 1))
        #expect(refused.error == .compacted(requested: target - 1, compactRevision: target))
    }

    @Test func aWatchWhoseReaderLetsGoIsCanceledInEtcdToo() async throws {
        let cluster = try EtcdCluster.required()
        let store = try makeStore()
        let key = "/letgo/\(UUID().uuidString)"
        try await eventually("the watches of earlier tests to be gone") { try await cluster.metric("etcd_debugging_mvcc_watcher_total") == 0 }
        do {
            let stream = store.watch(prefix: key, after: await store.currentRevision)
            _ = try await store.create(key, value: Data("v"))
            _ = try await collect(stream) { _ in true }
            #expect(try await cluster.metric("etcd_debugging_mvcc_watcher_total") == 1)
        }
        try await eventually("etcd to drop the watch") { try await cluster.metric("etcd_debugging_mvcc_watcher_total") == 0 }
    }

    @Test func aReaderThatFallsBehindIsSlowedNotCutOffAndMissesNothing() async throws {
        // More events than the embedded store would queue for a reader (`WatchLimits`'
        // 1,000) arrive while nobody reads; etcd holds them, and the reader gets them all.
        let store = try makeStore()
        let key = "/slow/\(UUID().uuidString)"
        let start = await store.currentRevision
        let stream = store.watch(prefix: key, after: start)
        let writes = WatchLimits.standard.watcherBufferEvents + 100
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for index in stride(from: writer, to: writes, by: 8) { _ = try await store.create(key + "/\(index)", value: Data("v")) }
                }
            }
            try await group.waitForAll()
        }
        let seen = try await collect(stream) { $0.revision == start + Int64(writes) }
        #expect(seen.error == nil)
        #expect(seen.events.map(\.revision) == Array((start + 1)...(start + Int64(writes))))
    }

    @Test func aWatchWithProgressIsToldTheRevisionReachedThoughNothingUnderItsPrefixChanged() async throws {
        let store = try makeStore()
        let quiet = "/quiet/\(UUID().uuidString)"
        let stream = store.watchWithProgress(prefix: quiet, after: await store.currentRevision)
        let elsewhere = try await store.create("/elsewhere/\(UUID().uuidString)", value: Data("v"))
        let reached = try await withDeadline(seconds: 30) {
            for try await item in stream {
                if case .progress(let revision) = item, revision >= elsewhere { return revision }
            }
            return Int64(0)
        }
        #expect(reached >= elsewhere)
    }

    @Test func aRequestToAMemberThatRefusesConnectionsMovesToTheNextEndpoint() async throws {
        // Each store's first call of its kind finds the first member refusing: a write, a
        // read, a watch each move on to the next member.
        let refusing = try RefusingPort()
        let endpoints = try ["http://127.0.0.1:\(refusing.port)"] + EtcdCluster.required().clientURLs
        let key = "/failover/\(UUID().uuidString)"
        let revision = try await makeStore(endpoints).create(key, value: Data("v"))
        #expect(try await makeStore(endpoints).get(key)?.modRevision == revision)
        let seen = try await collect(makeStore(endpoints).watch(prefix: key, after: revision - 1)) { _ in true }
        #expect(seen.events.map(\.revision) == [revision])
    }
}
