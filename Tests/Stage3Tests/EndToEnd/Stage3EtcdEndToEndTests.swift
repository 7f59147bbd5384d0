// Stage 3's acceptance suite, part 3: the cluster's objects in a real etcd, as
// `stage3 up --etcd URL` keeps them, watched, failed over and shared.
//
// Each test starts its own etcd (EtcdCluster.swift: one member, or three) and the
// `stage3` binary on it, the way a learner runs them. The watch suite's checks
// (Stage3WatchEndToEndTests) must pass unchanged over etcd, and etcdctl must find the
// pods under Kubernetes' key layout with each pod's resourceVersion as its mod_revision.
// A three-member etcd loses the member the API server talks to, its leader, and the
// cluster carries on; and two API servers on one etcd serve the same objects and watches,
// which is how Kubernetes makes its control plane highly available.

import Foundation
import Testing
@testable import TestSupport

@Suite("Stage 3 end to end over etcd", .serialized, .tags(.endToEnd),
       .enabled(if: etcdIsInstalled, "needs etcd and etcdctl on PATH (Debian: apt-get install etcd-server etcd-client)"),
       .enabled(if: Tools.isInstalled("kubectl"), "kubectl is not installed: the stage 3 end-to-end tests need it"))
struct Stage3EtcdEndToEndTests {
    @Test func theWatchChecksPassOverEtcdAndEtcdctlFindsEachPodAtItsResourceVersion() async throws {
        try await withEtcdCluster(members: 1) { etcd in
            let cluster = try await RunningCluster.stage3(arguments: ["--etcd", etcd.clientURLs.joined(separator: ",")])
            defer { Task { await cluster.cleanUp() } }
            try await Stage3WatchEndToEndTests.everyWatcherSeesEachChangeAndTheKubeletActsOnIt(on: cluster)

            // `first` was created with kubectl and is left; `web` came and went.
            let keys = try await etcd.etcdctl(["get", "--prefix", "--keys-only", "/registry/pods"])
            let listed = keys.split(separator: "\n").map(String.init)
            #expect(listed.contains("/registry/pods/default/first"), "\(keys)")
            #expect(!listed.contains("/registry/pods/default/web"), "\(keys)")
            let version = try await cluster.resourceVersion(at: "/api/v1/namespaces/default/pods/first")
            #expect(try await etcd.modRevision(of: "/registry/pods/default/first") == version)
            try await cluster.interrupt()
        }
    }
}

/// Runs `body` with a new etcd of `members` members; stops it after, however `body` ends.
func withEtcdCluster(members: Int, _ body: (EtcdCluster) async throws -> Void) async throws {
    let etcd = try await EtcdCluster.start(members: members)
    do { try await body(etcd) } catch {
        await etcd.stop()
        throw error
    }
    await etcd.stop()
}

extension EtcdCluster {
    /// The `mod_revision` etcd holds for `key`, as a resourceVersion is written: the
    /// revision of the key's last write (`etcdctl get KEY -w json`).
    func modRevision(of key: String) async throws -> String {
        let output = try await etcdctl(["get", key, "-w", "json"])
        let answer = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let pairs = try #require(answer?["kvs"] as? [[String: Any]], "etcd has no \(key): \(output)")
        let revision = try #require(pairs.first?["mod_revision"] as? NSNumber, "no mod_revision in \(output)")
        return revision.stringValue
    }
}
