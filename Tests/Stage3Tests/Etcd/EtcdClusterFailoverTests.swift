// Stage 3 · EtcdStore tests: a three-member etcd keeps the store working when one member dies.
//
// A production Kubernetes control plane runs etcd on three (or five) machines: any
// majority can elect a leader and commit writes, so the loss of one member costs nothing.
// The store is given all three members, the leader first. Here the leader, which the
// store is talking to and which serves its watch, is killed with SIGKILL mid-test. Once
// the other two have elected a new leader (about a second with the suite's raft timings),
// writes, reads and the watch carry on through them, the watch with no event missing and
// none twice. (A write sent in the moment after the leader died, before the election, may
// fail after etcd's request timeout with "request timed out", which the store reports
// rather than repeats, as etcd's own client does: etcd cannot say whether it was applied.)
// Then a second member dies, and the last one, without a majority, has no leader: its
// watch must end with an error, not hang silently.

import Foundation
import EtcdStore
import Storage
import StoreWatch
import Testing
@testable import TestSupport

@Suite(.serialized, .enabled(if: etcdIsInstalled, "needs etcd and etcdctl on PATH (Debian: apt-get install etcd-server etcd-client)"), .etcd(members: 3))
struct EtcdClusterFailoverTests {
    @Test func aThreeMemberClusterWithOneMemberKilledKeepsWritingReadingAndWatching() async throws {
        let cluster = try EtcdCluster.required()
        let leader = try await waitUntil("the cluster to have a leader") { await cluster.leader() }
        let others = cluster.members.filter { $0.name != leader.name }
        let store = try EtcdStore(connectingTo: ([leader] + others).map(\.clientURL), patience: .milliseconds(1500), logger: .silent)
        let start = await store.currentRevision
        try await withStoreWatchLog(store.watch(prefix: "/registry/pods/", after: start)) { log in
            var written: [Int64] = []
            for index in 0..<10 {
                written.append(try await store.create("/registry/pods/default/before-\(index)", value: Data("v")))
            }
            try await eventually("the watch to see the first ten writes") { log.events.count == 10 }

            // The leader serves the store's requests and its watch; it dies.
            await cluster.kill(leader)
            let successor = try await waitUntil("the survivors to elect a leader") { await cluster.leader(among: others) }
            #expect(successor.name != leader.name)

            for index in 0..<10 {
                written.append(try await store.create("/registry/pods/default/after-\(index)", value: Data("v")))
            }
            written.append(try await store.update("/registry/pods/default/before-0", value: Data("v2"), expectedModRevision: nil))
            let listing = try await store.list(prefix: "/registry/pods/")
            #expect(listing.items.count == 20)
            #expect(listing.revision == written.last)
            try await eventually("the watch to see every write") { log.events.count >= written.count || log.error != nil }
            #expect(log.error == nil)
            #expect(log.events.map(\.revision) == written)
            #expect(log.events.last?.previous?.value == Data("v"))

            // A second death leaves the last member without a majority, so without a
            // leader: it cancels the watch rather than keep it open and silent, and the
            // watch, finding no other member to resume on, ends with an error.
            await cluster.kill(successor)
            try await eventually("the watch to end") { log.error != nil }
            #expect(log.error?.hasPrefix("store unavailable") == true, "\(log.error ?? "")")
        }
    }
}
