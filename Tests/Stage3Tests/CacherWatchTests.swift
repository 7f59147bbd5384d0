// Stage 3 · WatchCache tests: watches fanned out from one store watch per resource.

import API
import APIMachinery
import Client
import ClusterKinds
import Informers
import StoreWatch
import Testing
import WatchCache
@testable import TestSupport

@Suite struct CacherWatchTests {
    @Test func everyWatchOfAResourceSharesOneStoreWatch() async throws {
        try await withCachingAPIServer { server in
            let version = try await server.client.list(Pod.self, namespace: "default").metadata.resourceVersion
            var watches: [AsyncThrowingStream<WatchEvent<Pod>, Error>] = []
            for namespace in ["default", "default", ""] {
                watches.append(try await server.client.watch(
                    Pod.self, namespace: namespace, options: ListOptions(resourceVersion: version)))
            }
            try await eventually("three clients of the pods' cache") { server.cacher.clientCount(of: Pod.resource) == 3 }
            #expect(server.store.watcherCount == 1, "one store watch, the cache's")
            try await server.client.create(makePod("a"))
            try await server.client.create(makePod("b", namespace: "kube-system"))
            #expect(try await firstEvents(1, of: watches[0]).map(\.summary) == ["ADDED a"])
            #expect(try await firstEvents(1, of: watches[1]).map(\.summary) == ["ADDED a"])
            #expect(try await firstEvents(2, of: watches[2]).map(\.summary) == ["ADDED a", "ADDED b"])
        }
    }

    @Test func aWatchFromAListsVersionSeesEachChangeOnceInOrderWithSelectorTransitions() async throws {
        try await withCachingAPIServer { server in
            let client = server.client
            let version = try await client.list(Pod.self, namespace: "default").metadata.resourceVersion
            let all = try await client.watch(Pod.self, namespace: "default", options: ListOptions(resourceVersion: version))
            let web = try await client.watch(
                Pod.self, namespace: "default", options: ListOptions(labelSelector: "app=web", resourceVersion: version))
            var pod = try await client.create(makePod("x", labels: ["app": "db"]))
            pod.metadata.labels = ["app": "web"]
            pod = try await client.update(pod)
            pod.metadata.labels = ["app": "db"]
            let leaving = try await client.update(pod)
            try await deleteNow(client, "x")
            try await client.create(makePod("web", labels: ["app": "web"]))
            #expect(try await firstEvents(5, of: all).map(\.summary)
                == ["ADDED x", "MODIFIED x", "MODIFIED x", "DELETED x", "ADDED web"])
            let seen = try await firstEvents(3, of: web)
            #expect(seen.map(\.summary) == ["ADDED x", "DELETED x", "ADDED web"])
            #expect(seen[1].object?.metadata.resourceVersion == leaving.metadata.resourceVersion)
        }
    }

    @Test func aWatchWithoutAVersionStartsWithTheCurrentObjectsThenFollowsTheCache() async throws {
        try await withCachingAPIServer { server in
            try await server.client.create(makePod("a"))
            let events = try await server.client.watch(Pod.self, namespace: "default", options: ListOptions(resourceVersion: "0"))
            try await server.client.create(makePod("b"))
            #expect(try await firstEvents(2, of: events).map(\.summary) == ["ADDED a", "ADDED b"])
            #expect(server.cacher.clientCount(of: Pod.resource) == 1)
        }
    }

    @Test func aWatchFromAVersionNotReachedYetStartsAndSeesOnlyWhatComesAfterIt() async throws {
        // Kubernetes' watch cache lets such a watch wait for its events (it answers 504
        // only to a list, or to a watch with sendInitialEvents, which is not offered here).
        try await withCachingAPIServer { server in
            let current = await server.store.currentRevision
            let events = try await server.client.watch(
                Pod.self, namespace: "default", options: ListOptions(resourceVersion: String(current + 2)))
            try await eventually("the watch to be a client of the cache") { server.cacher.clientCount(of: Pod.resource) == 1 }
            for name in ["a", "b", "c"] { try await server.client.create(makePod(name)) }
            #expect(try await firstEvents(1, of: events).map(\.summary) == ["ADDED c"])
        }
    }

    @Test func aWatchOlderThanTheCachesWindowIsServedFromTheStoresHistory() async throws {
        try await withCachingAPIServer(limits: WatchCacheLimits(windowEvents: 2, tickInterval: .milliseconds(20))) { server in
            let version = try await server.client.list(Pod.self, namespace: "default").metadata.resourceVersion
            // A first watch starts the pods' cache; five writes then overflow its window of two.
            let first = try await server.client.watch(Pod.self, namespace: "default", options: ListOptions(resourceVersion: version))
            for name in ["a", "b", "c", "d", "e"] { try await server.client.create(makePod(name)) }
            #expect(try await firstEvents(5, of: first).count == 5)
            let late = try await server.client.watch(Pod.self, namespace: "default", options: ListOptions(resourceVersion: version))
            #expect(try await firstEvents(5, of: late).map(\.summary) == ["ADDED a", "ADDED b", "ADDED c", "ADDED d", "ADDED e"])
            #expect(server.store.watcherCount == 2, "the cache's store watch, and the late client's own")
        }
    }

    @Test func aWatchFromACompactedVersionGetsOne410ErrorThenTheStreamEnds() async throws {
        try await withCachingAPIServer { server in
            let a = try await server.client.create(makePod("a"))
            try await server.client.create(makePod("b"))
            let current = await server.store.currentRevision
            server.store.compact(through: current)
            let events = try await server.client.watch(
                Pod.self, namespace: "default", options: ListOptions(resourceVersion: a.metadata.resourceVersion))
            let seen = try await allEvents(of: events)
            #expect(seen.map(\.summary) == ["ERROR 410"])
            guard case .error(let status) = seen.first else { return }
            #expect(status.reason == .expired)
            #expect(status.message == "too old resource version: \(a.metadata.resourceVersion) (\(current))")
        }
    }

    @Test func bookmarksAdvanceWithTheStoresProgressWhenOnlyOtherResourcesAreWritten() async throws {
        let limits = WatchCacheLimits(bookmarkInterval: .milliseconds(50), progressInterval: .milliseconds(20), tickInterval: .milliseconds(20))
        try await withCachingAPIServer(limits: limits) { server in
            let version = try await server.client.list(Pod.self, namespace: "default").metadata.resourceVersion
            let events = try await server.client.watch(
                Pod.self, namespace: "default", options: ListOptions(resourceVersion: version, allowWatchBookmarks: true))
            try await withWatchLog(events) { log in
                try await eventually("a first bookmark") { log.types.contains("BOOKMARK") }
                let elsewhere = try await server.client.create(Namespace(metadata: ObjectMeta(name: "elsewhere")))
                try await eventually("a bookmark at the namespace's version, though no pod changed") {
                    log.events.map(\.summary).contains("BOOKMARK \(elsewhere.metadata.resourceVersion)")
                }
                #expect(!log.types.contains("ADDED"))
            }
        }
    }

    @Test func aWatchThatDidNotAskForBookmarksGetsNone() async throws {
        let limits = WatchCacheLimits(bookmarkInterval: .milliseconds(20), progressInterval: .milliseconds(20), tickInterval: .milliseconds(20))
        try await withCachingAPIServer(limits: limits) { server in
            let version = try await server.client.list(Pod.self, namespace: "default").metadata.resourceVersion
            let events = try await server.client.watch(Pod.self, namespace: "default", options: ListOptions(resourceVersion: version))
            try await server.client.create(Namespace(metadata: ObjectMeta(name: "elsewhere")))
            try await server.client.create(makePod("a"))
            #expect(try await firstEvents(1, of: events).map(\.summary) == ["ADDED a"])
        }
    }

    @Test func anInformerOnTheCacherConvergesWhenItsWatchBreaks() async throws {
        try await withCachingAPIServer { server in
            let client = server.client
            let listWatch = DroppableListWatch(APIListWatch<Pod>(client: client, namespace: "default"))
            let informer = SharedInformer(listWatch: listWatch)
            try await client.create(makePod("a"))
            try await SharedInformerTests.running(informer) {
                #expect(await informer.waitForCacheSync())
                try await client.create(makePod("b"))
                try await deleteNow(client, "a")
                try await eventually("the cache to hold b only") { informer.indexer.keys() == ["default/b"] }
                try await client.create(Namespace(metadata: ObjectMeta(name: "elsewhere")))
                server.store.compact(through: await server.store.currentRevision)
                listWatch.dropWatch()
                try await client.create(makePod("c"))
                try await eventually("the cache to hold b and c") { Set(informer.indexer.keys()) == ["default/b", "default/c"] }
            }
        }
    }
}
