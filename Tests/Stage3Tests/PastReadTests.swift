// Stage 3 · StoreWatch tests: reads at a past revision return the keyspace as it was then.
//
// The test notes what a plain list returned after every write, then asks for each of
// those revisions again after later writes have changed and removed the keys.

import Foundation
import Storage
import StoreWatch
import Testing
@testable import TestSupport

@Suite struct PastReadTests {
    @Test(arguments: BaseStoreKind.allCases)
    func aListAtAPastRevisionIsTheListThatWasCurrentThen(kind: BaseStoreKind) async throws {
        try await kind.withStore { store in
            var seen: [Int64: [StoredValue]] = [1: []]
            func note() async throws {
                let listing = try await store.list(prefix: "/registry/pods/")
                seen[listing.revision] = listing.items
            }
            _ = try await store.create("/registry/pods/a/web", value: Data("v1")); try await note()
            _ = try await store.create("/registry/pods/b/db", value: Data("v1")); try await note()
            _ = try await store.create("/registry/nodes/n1", value: Data("n")); try await note()
            _ = try await store.update("/registry/pods/a/web", value: Data("v2"), expectedModRevision: nil); try await note()
            _ = try await store.delete("/registry/pods/b/db", expectedModRevision: nil); try await note()
            _ = try await store.create("/registry/pods/b/db", value: Data("again")); try await note()
            _ = try await store.delete("/registry/pods/a/web", expectedModRevision: nil); try await note()

            for (revision, items) in seen.sorted(by: { $0.key < $1.key }) {
                #expect(try await store.list(prefix: "/registry/pods/", atRevision: revision) == items, "at \(revision)")
            }
            let web = try await store.get("/registry/pods/a/web", atRevision: 5)
            #expect(web?.value == Data("v2"))
            #expect(web?.version == 2)
            #expect(try await store.get("/registry/pods/a/web", atRevision: 8) == nil)
            #expect(try await store.get("/registry/pods/b/db", atRevision: 6) == nil)
        }
    }

    @Test func aReadAtARevisionNotYetReachedIsRefused() async throws {
        let store = await WatchableStore(MemoryStore())
        _ = try await store.create("/k", value: Data("v"))
        await #expect(throws: HistoryError.futureRevision(requested: 3, current: 2)) {
            try await store.list(prefix: "", atRevision: 3)
        }
    }
}
