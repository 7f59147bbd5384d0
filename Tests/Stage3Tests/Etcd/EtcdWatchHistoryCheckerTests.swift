// Stage 3 · EtcdStore tests: the watch history checker, on a real etcd.
//
// WatchHistoryCheckerTests' checker (concurrent writers, watchers started before and
// during the writes, every watcher's events exactly the history under its prefix after
// its revision) needs a fresh store: it counts revisions from 1 and watches the whole
// keyspace. So this suite has an etcd of its own.

import EtcdStore
import Testing
@testable import TestSupport

@Suite(.enabled(if: etcdIsInstalled, "needs etcd and etcdctl on PATH (Debian: apt-get install etcd-server etcd-client)"), .etcd())
struct EtcdWatchHistoryCheckerTests {
    @Test func everyEtcdWatcherSeesExactlyTheHistoryUnderItsPrefixAfterItsRevision() async throws {
        let store = try EtcdStore(connectingTo: EtcdCluster.required().clientURLs, logger: .silent)
        try await WatchHistoryCheckerTests.check(store)
    }
}
