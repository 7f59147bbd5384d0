// Stage 3 · Store contract tests: the one contract, on the embedded stores and on a real etcd.
//
// `StoreContract.allRules` (StoreContract.swift, StoreContract+Watch.swift) is the contract
// any `WatchableKeyValueStore` keeps: stage 2's key-value rules and stage 3's watch,
// past-read and compaction rules. Each suite runs every rule on its stores: the embedded
// ones, fresh per rule and in parallel; etcd, one shared server for the suite, one rule
// at a time since the rules count revisions.

import Testing
@testable import TestSupport

@Suite struct StoreContractTests {
    @Test(arguments: StoreContract.allRules, ContractStore.embedded)
    func theEmbeddedStoresKeepTheContract(rule: ContractRule, store: ContractStore) async throws {
        try await store.withStore { try await rule.check($0) }
    }
}

@Suite(.serialized, .enabled(if: etcdIsInstalled, "needs etcd and etcdctl on PATH (Debian: apt-get install etcd-server etcd-client)"), .etcd())
struct EtcdStoreContractTests {
    @Test(arguments: StoreContract.allRules)
    func etcdKeepsTheContract(rule: ContractRule) async throws {
        try await ContractStore.etcd.withStore { try await rule.check($0) }
    }
}
