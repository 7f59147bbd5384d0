// Stage 3 · EtcdStore tests: `.etcd()`, one real etcd for a whole suite.
//
// Starting etcd costs about half a second, so a suite asks for one with the trait and
// its tests share it, reading it from `EtcdCluster.current`. The trait starts the cluster
// before the suite's first test and stops it after its last. A suite using it also says
// `.enabled(if: Tools.isInstalled("etcd"), …)`, so that without etcd it is skipped with
// a message, and `.serialized` when its tests compare revisions, which every write to the
// shared etcd moves.

import Testing
@testable import TestSupport

/// Runs a suite with a real etcd cluster of `members` members in `EtcdCluster.current`.
struct EtcdTrait: SuiteTrait, TestScoping {
    let members: Int

    /// Once around the whole suite, not around each test.
    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        guard Tools.isInstalled("etcd") else { return try await function() }
        let cluster = try await EtcdCluster.start(members: members)
        do {
            try await EtcdCluster.$current.withValue(cluster) { try await function() }
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }
}

extension Trait where Self == EtcdTrait {
    /// A real etcd of `members` members for the suite; see `EtcdTrait`.
    static func etcd(members: Int = 1) -> Self { EtcdTrait(members: members) }
}

extension EtcdCluster {
    /// The suite's cluster; fails the test if the suite has no `.etcd()` trait.
    static func required(sourceLocation: SourceLocation = #_sourceLocation) throws -> EtcdCluster {
        try #require(current, "the suite needs the .etcd() trait", sourceLocation: sourceLocation)
    }
}

/// Whether the etcd tests can run here; their suites are skipped, saying so, otherwise.
let etcdIsInstalled = Tools.isInstalled("etcd") && Tools.isInstalled("etcdctl")
