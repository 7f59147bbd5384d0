// Stage 3 · Store contract tests: stage 2's `KeyValueStore` contract, once, for any store.
//
// The same rules as Tests/Stage2Tests/Storage/KeyValueStoreContractTests.swift (etcd's
// revision semantics, which resourceVersion and optimistic concurrency rest on), written
// against `StoreUnderTest` so that they run unchanged on the embedded stores and on etcd
// (StoreContractTests.swift runs them). Revisions are counted from the rule's start.

import Foundation
import Storage
import StoreWatch
import Testing
@testable import TestSupport

/// The store contract's rules; `keyValueRules` here, `watchRules` in StoreContract+Watch.swift.
enum StoreContract {
    static var allRules: [ContractRule] { keyValueRules + watchRules }

    static let keyValueRules: [ContractRule] = [
        ContractRule("aStoreStartsEmptyUnderItsRootAtItsRevision") { t in
            #expect(await t.store.currentRevision == t.start)
            #expect(try await t.store.get(t.key("/registry/pods/default/web")) == nil)
            let listing = try await t.store.list(prefix: t.key("/"))
            #expect(listing.items.isEmpty)
            #expect(listing.revision == t.start)
        },
        ContractRule("createStoresTheValueAtTheNextRevision") { t in
            let key = t.key("/registry/pods/default/web")
            let revision = try await t.store.create(key, value: Data("v1"))
            #expect(revision == t.revision(1))
            let stored = try #require(try await t.store.get(key))
            #expect(stored == StoredValue(key: key, value: Data("v1"), createRevision: t.revision(1), modRevision: t.revision(1), version: 1))
            #expect(await t.store.currentRevision == t.revision(1))
        },
        ContractRule("createOfAnExistingKeyFailsWithAlreadyExistsAndWritesNothing") { t in
            let key = t.key("/k")
            _ = try await t.store.create(key, value: Data("a"))
            await #expect(throws: StorageError.alreadyExists(key: key)) { try await t.store.create(key, value: Data("b")) }
            #expect(try await t.store.get(key)?.value == Data("a"))
            #expect(await t.store.currentRevision == t.revision(1))
        },
        ContractRule("updateBumpsModRevisionAndVersionAndKeepsCreateRevision") { t in
            let key = t.key("/k")
            _ = try await t.store.create(key, value: Data("a"))
            _ = try await t.store.create(t.key("/other"), value: Data("x"))
            let revision = try await t.store.update(key, value: Data("b"), expectedModRevision: t.revision(1))
            #expect(revision == t.revision(3))
            #expect(try await t.store.get(key) == StoredValue(key: key, value: Data("b"), createRevision: t.revision(1), modRevision: t.revision(3), version: 2))
            _ = try await t.store.update(key, value: Data("c"), expectedModRevision: nil)
            #expect(try await t.store.get(key)?.version == 3)
        },
        ContractRule("updateWithAStaleRevisionFailsWithConflictCarryingTheCurrentValue") { t in
            let key = t.key("/k")
            _ = try await t.store.create(key, value: Data("a"))
            _ = try await t.store.update(key, value: Data("b"), expectedModRevision: t.revision(1))
            let current = try #require(try await t.store.get(key))
            await #expect(throws: StorageError.conflict(key: key, current: current)) {
                try await t.store.update(key, value: Data("lost update"), expectedModRevision: t.revision(1))
            }
            #expect(try await t.store.get(key) == current)
            #expect(await t.store.currentRevision == t.revision(2))
        },
        ContractRule("updateOfAMissingKeyFailsWithNotFound") { t in
            let key = t.key("/missing")
            await #expect(throws: StorageError.notFound(key: key)) {
                try await t.store.update(key, value: Data("a"), expectedModRevision: nil)
            }
            await #expect(throws: StorageError.notFound(key: key)) {
                try await t.store.update(key, value: Data("a"), expectedModRevision: 5)
            }
            #expect(await t.store.currentRevision == t.start)
        },
        ContractRule("deleteReturnsTheLastValueAndBumpsTheRevision") { t in
            let key = t.key("/k")
            _ = try await t.store.create(key, value: Data("a"))
            _ = try await t.store.update(key, value: Data("b"), expectedModRevision: nil)
            let (deleted, revision) = try await t.store.delete(key, expectedModRevision: t.revision(2))
            #expect(deleted == StoredValue(key: key, value: Data("b"), createRevision: t.revision(1), modRevision: t.revision(2), version: 2))
            #expect(revision == t.revision(3))
            #expect(try await t.store.get(key) == nil)
            #expect(await t.store.currentRevision == t.revision(3))
        },
        ContractRule("aRecreatedKeyStartsAgainAtVersionOne") { t in
            let key = t.key("/k")
            _ = try await t.store.create(key, value: Data("a"))
            _ = try await t.store.delete(key, expectedModRevision: nil)
            _ = try await t.store.create(key, value: Data("again"))
            #expect(try await t.store.get(key) == StoredValue(key: key, value: Data("again"), createRevision: t.revision(3), modRevision: t.revision(3), version: 1))
        },
        ContractRule("deleteWithAStaleRevisionConflictsAndDeleteOfAMissingKeyIsNotFound") { t in
            let key = t.key("/k")
            _ = try await t.store.create(key, value: Data("a"))
            let current = try #require(try await t.store.get(key))
            await #expect(throws: StorageError.conflict(key: key, current: current)) {
                try await t.store.delete(key, expectedModRevision: 1)
            }
            await #expect(throws: StorageError.notFound(key: t.key("/missing"))) {
                try await t.store.delete(t.key("/missing"), expectedModRevision: nil)
            }
            #expect(try await t.store.get(key) == current)
            #expect(await t.store.currentRevision == t.revision(1))
        },
        ContractRule("listReturnsOnlyKeysUnderThePrefixInKeyOrder") { t in
            let keys = [
                "/registry/pods/default/web", "/registry/podtemplates/default/t", "/registry/pods/default/api",
                "/registry/pods/kube-system/dns", "/registry/nodes/n1", "/registry/pods/default/web-2",
            ].map(t.key)
            for key in keys { _ = try await t.store.create(key, value: Data(key)) }
            let listing = try await t.store.list(prefix: t.key("/registry/pods/"))
            #expect(listing.items.map(\.key) == [
                "/registry/pods/default/api", "/registry/pods/default/web", "/registry/pods/default/web-2",
                "/registry/pods/kube-system/dns",
            ].map(t.key))
            #expect(listing.items.allSatisfy { $0.value == Data($0.key) })
            #expect(listing.revision == t.revision(6))
            #expect(try await t.store.list(prefix: t.root).items.count == keys.count)
        },
        ContractRule("keysAreComparedAsBytesLikeEtcd") { t in
            // "é" as one scalar and as "e" plus a combining accent: equal Swift strings, but
            // different bytes, so two different keys in etcd, and in every store.
            let precomposed = t.key("/k/caf\u{E9}")
            let decomposed = t.key("/k/cafe\u{301}")
            _ = try await t.store.create(precomposed, value: Data("1"))
            _ = try await t.store.create(decomposed, value: Data("2"))
            let listing = try await t.store.list(prefix: t.key("/k/"))
            #expect(listing.items.map { Array($0.key.utf8) } == [Array(decomposed.utf8), Array(precomposed.utf8)])
        },
        ContractRule("emptyKeysAndOversizedEntriesAreRefused") { t in
            await #expect(throws: StorageError.emptyKey) { try await t.store.create("", value: Data("a")) }
            let key = t.key("/big")
            let big = Data(count: StorageLimits.maximumEntryBytes)
            await #expect(throws: StorageError.tooLarge(key: key, bytes: big.count + key.utf8.count, limit: StorageLimits.maximumEntryBytes)) {
                try await t.store.create(key, value: big)
            }
            #expect(await t.store.currentRevision == t.start)
        },
        ContractRule("concurrentWritersGetDistinctConsecutiveRevisions") { t in
            let writers = 40
            let store = t.store
            let revisions = try await withThrowingTaskGroup(of: Int64.self) { group in
                for writer in 0..<writers {
                    let key = t.key("/k/\(writer)")
                    group.addTask { try await store.create(key, value: Data("\(writer)")) }
                }
                return try await group.reduce(into: [Int64]()) { $0.append($1) }
            }
            #expect(revisions.sorted() == Array(t.revision(1)...t.revision(Int64(writers))))
        },
    ]
}
