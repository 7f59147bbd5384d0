// Stage 3 · EtcdStore tests: an etcd for one test, and what etcdctl says of a key.
//
// The end-to-end tests each start their own etcd, since each starts a cluster on it and
// one of them kills a member: `withEtcdCluster` stops it however the test ends.

import Foundation
import Testing
@testable import TestSupport

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
