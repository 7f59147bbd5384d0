// Stage 3 · StoreWatch tests: where a watch starts, and what it leaves out.

import Foundation
import Storage
import StoreWatch
import Testing
@testable import TestSupport

@Suite struct WatchStartTests {
    @Test func aWatchFromARevisionNotYetReachedStartsAfterIt() async throws {
        let store = await WatchableStore(MemoryStore())
        let stream = store.watch(prefix: "/k/", after: 4)
        for step in 0..<5 { _ = try await store.create("/k/\(step)", value: Data("v")) }
        let delivered = try await collect(stream) { $0.revision == 6 }
        #expect(delivered.events.map(\.revision) == [5, 6])
    }

    @Test func aWatchSeesOnlyItsPrefixWithEachEventsPreviousValue() async throws {
        let store = await WatchableStore(MemoryStore())
        let stream = store.watch(prefix: "/registry/pods/", after: 1)
        _ = try await store.create("/registry/pods/default/web", value: Data("v1"))
        _ = try await store.create("/registry/nodes/n1", value: Data("n"))
        _ = try await store.update("/registry/pods/default/web", value: Data("v2"), expectedModRevision: 2)
        _ = try await store.delete("/registry/pods/default/web", expectedModRevision: nil)
        let delivered = try await collect(stream) { $0.revision == 5 }
        #expect(delivered.events.map(\.description) == [
            "create /registry/pods/default/web at 2",
            "update /registry/pods/default/web at 4",
            "delete /registry/pods/default/web at 5",
        ])
        let delete = try #require(delivered.events.last)
        #expect(delete.kind == .delete)
        #expect(delete.value == nil)
        #expect(delete.previous?.value == Data("v2"))
        #expect(delete.previous?.modRevision == 4)
        #expect(delivered.events[1].previous?.value == Data("v1"))
    }
}
