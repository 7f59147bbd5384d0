// Stage 3 · StoreWatch tests: the store's progress, told in the watch stream after the events before it.

import Foundation
import Storage
import StoreWatch
import Testing
@testable import TestSupport

@Suite struct StoreProgressTests {
    @Test func aProgressRequestTellsEachProgressWatchTheStoresRevisionAfterItsEvents() async throws {
        let store = await WatchableStore(MemoryStore())
        let start = await store.currentRevision
        let pods = store.watchWithProgress(prefix: "/registry/pods/", after: start)
        let plain = store.watch(prefix: "/registry/pods/", after: start)
        let pod = try await store.create("/registry/pods/default/a", value: Data("{}".utf8))
        let node = try await store.create("/registry/nodes/n1", value: Data("{}".utf8))
        await store.requestProgress()
        let items = try await withDeadline {
            var items: [StoreWatchItem] = []
            for try await item in pods {
                items.append(item)
                if items.count == 2 { break }
            }
            return items
        }
        #expect(items.count == 2)
        guard case .event(let event) = items.first, case .progress(let revision) = items.last else {
            Issue.record("expected the pod's event, then progress: \(items)")
            return
        }
        #expect(event.revision == pod)
        #expect(revision == node, "the node's write moved the store on, though it is not a pod")
        // A plain watch is never given progress: its next item is the next pod's event.
        let later = try await store.create("/registry/pods/default/b", value: Data("{}".utf8))
        let plainItems = try await withDeadline {
            var revisions: [Int64] = []
            for try await event in plain {
                revisions.append(event.revision)
                if revisions.count == 2 { break }
            }
            return revisions
        }
        #expect(plainItems == [pod, later])
    }
}
