// Stage 3 · WatchCache tests: the API server's watch from the store's history, over loopback.

import API
import APIMachinery
import Client
import ClusterKinds
import Informers
import Storage
import StoreWatch
import Testing
@testable import TestSupport

@Suite struct StoreWatchSourceTests {
    @Test func aWatchFromAListsVersionSeesEachChangeOnceInOrderWithItsVersion() async throws {
        try await withWatchingAPIServer { client, _ in
            let list = try await client.list(Pod.self, namespace: "default")
            let events = try await client.watch(
                Pod.self, namespace: "default", options: ListOptions(resourceVersion: list.metadata.resourceVersion))
            let a = try await client.create(makePod("a"))
            var updated = a
            updated.metadata.labels = ["tier": "front"]
            updated = try await client.update(updated)
            let b = try await client.create(makePod("b"))
            try await deleteNow(client, "a")
            let c = try await client.create(makePod("c"))
            let seen = try await firstEvents(5, of: events)
            #expect(seen.map(\.summary) == ["ADDED a", "MODIFIED a", "ADDED b", "DELETED a", "ADDED c"])
            let versions = seen.compactMap { $0.object.flatMap { Int64($0.metadata.resourceVersion) } }
            #expect(versions[0] == Int64(a.metadata.resourceVersion))
            #expect(versions[1] == Int64(updated.metadata.resourceVersion))
            #expect(versions[2] == Int64(b.metadata.resourceVersion))
            #expect(versions[4] == Int64(c.metadata.resourceVersion))
            // The DELETED carries a's last state, at the revision of the delete itself.
            #expect(versions[3] > versions[2] && versions[3] < versions[4])
            #expect(seen[3].object?.metadata.labels == ["tier": "front"])
        }
    }

    @Test func aWatchFromZeroOrNoVersionStartsWithEveryObjectAsAdded() async throws {
        try await withWatchingAPIServer { client, _ in
            try await client.create(makePod("a"))
            try await client.create(makePod("b"))
            for version in ["0", nil] {
                let events = try await client.watch(Pod.self, namespace: "default", options: ListOptions(resourceVersion: version))
                let first = try await firstEvents(2, of: events)
                #expect(Set(first.map(\.summary)) == ["ADDED a", "ADDED b"], "resourceVersion \(version ?? "unset")")
            }
            let events = try await client.watch(Pod.self, namespace: "default", options: ListOptions(resourceVersion: "0"))
            try await client.create(makePod("c"))
            let seen = try await firstEvents(3, of: events)
            #expect(seen.last?.summary == "ADDED c")
        }
    }

    @Test func aWatchFromACompactedVersionGetsOne410ErrorThenTheStreamEnds() async throws {
        try await withWatchingAPIServer { client, store in
            let a = try await client.create(makePod("a"))
            try await client.create(makePod("b"))
            let current = await store.currentRevision
            store.compact(through: current)
            let events = try await client.watch(
                Pod.self, namespace: "default", options: ListOptions(resourceVersion: a.metadata.resourceVersion))
            let seen = try await allEvents(of: events)
            #expect(seen.map(\.summary) == ["ERROR 410"])
            guard case .error(let status) = seen.first else { return }
            #expect(status.reason == .expired)
            #expect(status.message == "too old resource version: \(a.metadata.resourceVersion) (\(current))")
            // From the compaction's own revision a watch may still start.
            let fresh = try await client.watch(Pod.self, namespace: "default", options: ListOptions(resourceVersion: String(current)))
            try await client.create(makePod("c"))
            #expect(try await firstEvents(1, of: fresh).map(\.summary) == ["ADDED c"])
        }
    }

    @Test func anObjectThatStartsOrStopsMatchingIsAddedOrDeletedForThatWatcher() async throws {
        try await withWatchingAPIServer { client, _ in
            let list = try await client.list(Pod.self, namespace: "default")
            let events = try await client.watch(
                Pod.self, namespace: "default",
                options: ListOptions(labelSelector: "app=web", resourceVersion: list.metadata.resourceVersion))
            var pod = try await client.create(makePod("x", labels: ["app": "db"]))
            pod.metadata.labels = ["app": "web"]
            pod = try await client.update(pod)
            pod.metadata.labels = ["app": "web", "tier": "front"]
            pod = try await client.update(pod)
            pod.metadata.labels = ["app": "db"]
            let leaving = try await client.update(pod)
            try await client.create(makePod("other", labels: ["app": "db"]))
            try await deleteNow(client, "x")
            try await client.create(makePod("web", labels: ["app": "web"]))
            let seen = try await firstEvents(4, of: events)
            #expect(seen.map(\.summary) == ["ADDED x", "MODIFIED x", "DELETED x", "ADDED web"])
            // The DELETED is the object as this watcher last saw it, at the version that took it away.
            #expect(seen[2].object?.metadata.labels == ["app": "web", "tier": "front"])
            #expect(seen[2].object?.metadata.resourceVersion == leaving.metadata.resourceVersion)

            let byName = try await client.watch(
                Pod.self, namespace: "default", options: ListOptions(fieldSelector: "metadata.name=web", resourceVersion: "0"))
            try await client.create(makePod("y"))
            try await deleteNow(client, "web")
            #expect(try await firstEvents(2, of: byName).map(\.summary) == ["ADDED web", "DELETED web"])
        }
    }

    @Test func bookmarksComeOnlyWhenAskedForAndCarryTheVersionReached() async throws {
        try await withWatchingAPIServer(bookmarkInterval: .milliseconds(40)) { client, _ in
            let list = try await client.list(Pod.self, namespace: "default")
            let version = list.metadata.resourceVersion
            let withBookmarks = try await client.watch(
                Pod.self, namespace: "default", options: ListOptions(resourceVersion: version, allowWatchBookmarks: true))
            let without = try await client.watch(Pod.self, namespace: "default", options: ListOptions(resourceVersion: version))
            try await withWatchLog(withBookmarks) { log in
                try await eventually("a first bookmark") { log.types.contains("BOOKMARK") }
                #expect(log.events.first?.summary == "BOOKMARK \(version)")
                let a = try await client.create(makePod("a"))
                try await eventually("a bookmark at a's version") {
                    log.events.map(\.summary).contains("BOOKMARK \(a.metadata.resourceVersion)")
                }
                try await client.create(makePod("b"))
                #expect(try await firstEvents(2, of: without).map(\.summary) == ["ADDED a", "ADDED b"])
            }
        }
    }

    @Test func aSharedInformerConvergesAndListsAgainAfterA410() async throws {
        try await withWatchingAPIServer { client, store in
            let listWatch = DroppableListWatch(APIListWatch<Pod>(client: client, namespace: "default"))
            let informer = SharedInformer(listWatch: listWatch)
            try await client.create(makePod("a"))
            try await SharedInformerTests.running(informer) {
                #expect(await informer.waitForCacheSync())
                var b = try await client.create(makePod("b"))
                b.metadata.labels = ["tier": "front"]
                b = try await client.update(b)
                try await deleteNow(client, "a")
                try await eventually("the cache to hold b as updated, and not a") {
                    informer.indexer.keys() == ["default/b"]
                        && informer.indexer.get(key: "default/b")?.metadata.resourceVersion == b.metadata.resourceVersion
                }
                #expect(listWatch.calls.filter { $0 == "list" }.count == 1)

                // Writes elsewhere move the store on without a pod event; compacting through
                // them leaves the informer's last version behind the history. Its next watch gets 410.
                try await client.create(Namespace(metadata: ObjectMeta(name: "elsewhere")))
                store.compact(through: await store.currentRevision)
                listWatch.dropWatch()
                try await eventually("a 410, then a second list") {
                    listWatch.calls.contains("410") && listWatch.calls.filter { $0 == "list" }.count == 2
                }
                try await client.create(makePod("c"))
                try await eventually("the cache to hold b and c") { Set(informer.indexer.keys()) == ["default/b", "default/c"] }
            }
        }
    }
}
