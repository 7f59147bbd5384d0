// Stage 2 · Storage tests: the KeyValueStore contract, run against every store.
//
// These pin down etcd's revision semantics, which the API server relies on for
// `resourceVersion` and optimistic concurrency. Each test runs on `MemoryStore` and on
// `DurableStore`, so the two cannot drift apart.

import Foundation
import Testing
import Storage

@Suite struct KeyValueStoreContractTests {
    @Test(arguments: StoreKind.allCases)
    func aFreshStoreIsAtRevisionOneAndEmpty(kind: StoreKind) async throws {
        try await kind.withStore { store in
            #expect(await store.currentRevision == 1)
            #expect(try await store.get("/registry/pods/default/web") == nil)
            let listing = try await store.list(prefix: "/")
            #expect(listing.items.isEmpty)
            #expect(listing.revision == 1)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func createStoresTheValueAtTheNextRevision(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let revision = try await store.create("/registry/pods/default/web", value: Data("v1"))
            #expect(revision == 2)
            let stored = try #require(try await store.get("/registry/pods/default/web"))
            #expect(stored == StoredValue(key: "/registry/pods/default/web", value: Data("v1"), createRevision: 2, modRevision: 2, version: 1))
            #expect(await store.currentRevision == 2)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func createOfAnExistingKeyFailsWithAlreadyExistsAndWritesNothing(kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await store.create("/k", value: Data("a"))
            await #expect(throws: StorageError.alreadyExists(key: "/k")) {
                try await store.create("/k", value: Data("b"))
            }
            #expect(try await store.get("/k")?.value == Data("a"))
            #expect(await store.currentRevision == 2)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func updateBumpsModRevisionAndVersionAndKeepsCreateRevision(kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await store.create("/k", value: Data("a"))
            _ = try await store.create("/other", value: Data("x"))
            let revision = try await store.update("/k", value: Data("b"), expectedModRevision: 2)
            #expect(revision == 4)
            #expect(try await store.get("/k") == StoredValue(key: "/k", value: Data("b"), createRevision: 2, modRevision: 4, version: 2))
            _ = try await store.update("/k", value: Data("c"), expectedModRevision: nil)
            #expect(try await store.get("/k")?.version == 3)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func updateWithAStaleRevisionFailsWithConflictCarryingTheCurrentValue(kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await store.create("/k", value: Data("a"))
            _ = try await store.update("/k", value: Data("b"), expectedModRevision: 2)
            let current = try #require(try await store.get("/k"))
            await #expect(throws: StorageError.conflict(key: "/k", current: current)) {
                try await store.update("/k", value: Data("lost update"), expectedModRevision: 2)
            }
            #expect(try await store.get("/k") == current)
            #expect(await store.currentRevision == 3)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func updateOfAMissingKeyFailsWithNotFound(kind: StoreKind) async throws {
        try await kind.withStore { store in
            await #expect(throws: StorageError.notFound(key: "/missing")) {
                try await store.update("/missing", value: Data("a"), expectedModRevision: nil)
            }
            #expect(await store.currentRevision == 1)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func deleteReturnsTheLastValueAndBumpsTheRevision(kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await store.create("/k", value: Data("a"))
            _ = try await store.update("/k", value: Data("b"), expectedModRevision: nil)
            let (deleted, revision) = try await store.delete("/k", expectedModRevision: 3)
            #expect(deleted == StoredValue(key: "/k", value: Data("b"), createRevision: 2, modRevision: 3, version: 2))
            #expect(revision == 4)
            #expect(try await store.get("/k") == nil)
            #expect(await store.currentRevision == 4)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aRecreatedKeyStartsAgainAtVersionOne(kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await store.create("/k", value: Data("a"))
            _ = try await store.delete("/k", expectedModRevision: nil)
            _ = try await store.create("/k", value: Data("again"))
            #expect(try await store.get("/k") == StoredValue(key: "/k", value: Data("again"), createRevision: 4, modRevision: 4, version: 1))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func deleteWithAStaleRevisionConflictsAndDeleteOfAMissingKeyIsNotFound(kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await store.create("/k", value: Data("a"))
            let current = try #require(try await store.get("/k"))
            await #expect(throws: StorageError.conflict(key: "/k", current: current)) {
                try await store.delete("/k", expectedModRevision: 1)
            }
            await #expect(throws: StorageError.notFound(key: "/missing")) {
                try await store.delete("/missing", expectedModRevision: nil)
            }
            #expect(try await store.get("/k") == current)
            #expect(await store.currentRevision == 2)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func listReturnsOnlyKeysUnderThePrefixInKeyOrder(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let keys = [
                "/registry/pods/default/web", "/registry/podtemplates/default/t", "/registry/pods/default/api",
                "/registry/pods/kube-system/dns", "/registry/nodes/n1", "/registry/pods/default/web-2",
            ]
            for key in keys { _ = try await store.create(key, value: Data(key)) }
            let listing = try await store.list(prefix: "/registry/pods/")
            #expect(listing.items.map(\.key) == [
                "/registry/pods/default/api", "/registry/pods/default/web", "/registry/pods/default/web-2",
                "/registry/pods/kube-system/dns",
            ])
            #expect(listing.items.allSatisfy { $0.value == Data($0.key) })
            #expect(listing.revision == 7)
            #expect(try await store.list(prefix: "").items.count == keys.count)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func keysAreComparedAsBytesLikeEtcd(kind: StoreKind) async throws {
        // "é" as one scalar and as "e" plus a combining accent: equal Swift strings, but
        // different bytes, so two different keys in etcd, and here.
        let precomposed = "/k/caf\u{E9}"
        let decomposed = "/k/cafe\u{301}"
        try await kind.withStore { store in
            _ = try await store.create(precomposed, value: Data("1"))
            _ = try await store.create(decomposed, value: Data("2"))
            let listing = try await store.list(prefix: "/k/")
            #expect(listing.items.map { Array($0.key.utf8) } == [Array(decomposed.utf8), Array(precomposed.utf8)])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func emptyKeysAndOversizedEntriesAreRefused(kind: StoreKind) async throws {
        try await kind.withStore { store in
            await #expect(throws: StorageError.emptyKey) { try await store.create("", value: Data("a")) }
            let big = Data(count: StorageLimits.maximumEntryBytes)
            await #expect(throws: StorageError.tooLarge(key: "/big", bytes: big.count + 4, limit: StorageLimits.maximumEntryBytes)) {
                try await store.create("/big", value: big)
            }
            #expect(await store.currentRevision == 1)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func concurrentWritersGetDistinctConsecutiveRevisions(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let writers = 40
            let revisions = try await withThrowingTaskGroup(of: Int64.self) { group in
                for writer in 0..<writers {
                    group.addTask { try await store.create("/k/\(writer)", value: Data("\(writer)")) }
                }
                return try await group.reduce(into: [Int64]()) { $0.append($1) }
            }
            #expect(revisions.sorted() == Array(2...Int64(writers + 1)))
        }
    }
}
