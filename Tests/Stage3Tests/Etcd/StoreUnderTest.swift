// Stage 3 · Store contract tests: the store a contract rule runs on, and where it may write.
//
// Stage 2's contract tests each get a fresh store, at revision 1 and empty. A real etcd
// cannot be made fresh for each test cheaply (a new process each time), so the contract is
// written once, relative to what the store is when the rule starts: its revision then
// (`start`: 1 for a fresh embedded store) and a key prefix of its own (`root`: empty for
// a fresh store, a unique one on the suite's shared etcd). "The create gets revision 2"
// becomes "the create gets `start + 1`", which is the same rule on a fresh store and the
// only honest form of it on a shared one. Rules that compare revisions run one at a time
// on etcd (`.serialized`), so that no other rule's writes land in between.

import Foundation
import EtcdStore
import Storage
import StoreWatch
import Testing
@testable import TestSupport

/// A store as one contract rule receives it.
struct StoreUnderTest: Sendable {
    let store: any WatchableKeyValueStore
    /// Every key the rule writes starts with this (`root + "/k"`).
    let root: String
    /// The store's revision when the rule began.
    let start: Int64

    /// `start + offset`: the revision of the rule's `offset`-th write.
    func revision(_ offset: Int64) -> Int64 { start + offset }

    /// `key` under the rule's root.
    func key(_ key: String) -> String { root + key }
}

/// The stores the one contract is checked on.
enum ContractStore: String, CaseIterable, Sendable, CustomStringConvertible {
    /// `WatchableStore(MemoryStore)` and `WatchableStore(DurableStore)`, fresh for each rule.
    case memory, durable
    /// `EtcdStore` on the suite's shared etcd, under a root of the rule's own.
    case etcd

    static let embedded: [ContractStore] = [.memory, .durable]

    var description: String { rawValue }

    /// Runs `body` on a store of this kind, then cleans up.
    func withStore(limits: WatchLimits = .standard, _ body: (StoreUnderTest) async throws -> Void) async throws {
        switch self {
        case .memory:
            try await BaseStoreKind.memory.withStore(limits: limits) { try await body(StoreUnderTest(store: $0, root: "", start: 1)) }
        case .durable:
            try await BaseStoreKind.durable.withStore(limits: limits) { try await body(StoreUnderTest(store: $0, root: "", start: 1)) }
        case .etcd:
            let store = try EtcdStore(connectingTo: try EtcdCluster.required().clientURLs, logger: .silent)
            let root = "/contract-\(UUID().uuidString.prefix(8))"
            try await body(StoreUnderTest(store: store, root: root, start: await store.currentRevision))
        }
    }
}

/// One rule of the store contract: a behaviour, named as a test would be, and its check.
struct ContractRule: Sendable, CustomTestStringConvertible {
    let name: String
    let check: @Sendable (StoreUnderTest) async throws -> Void

    init(_ name: String, _ check: @escaping @Sendable (StoreUnderTest) async throws -> Void) {
        self.name = name
        self.check = check
    }

    var testDescription: String { name }
}
