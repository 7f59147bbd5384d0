// Stage 3 · Informers tests: the shared informer's cache and handlers, scripted and against the real API server.

import API
import APIMachinery
import Client
import Informers
import Testing
@testable import TestSupport

@Suite struct SharedInformerTests {
    /// Runs `informer` while `body` runs, then cancels it and waits for it to stop.
    static func running<T: Sendable>(_ informer: SharedInformer<Pod>, _ body: () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await informer.run() }
            let result = try await body()
            group.cancelAll()
            try await group.waitForAll()
            return result
        }
    }

    static func scripted(_ listWatch: ScriptedListWatch, resyncPeriod: Duration? = nil) -> SharedInformer<Pod> {
        SharedInformer(listWatch: listWatch, resyncPeriod: resyncPeriod, backoff: ReflectorTests.backoff, clock: InstantClock())
    }

    @Test func everyHandlerIsToldOfEveryChangeInOrder() async throws {
        let listWatch = ScriptedListWatch(
            lists: [.list([pod("a", version: "1")], resourceVersion: "1")],
            watches: [.watch([.added(pod("b", version: "2")), .modified(pod("a", version: "3")), .deleted(pod("b", version: "4"))])])
        let informer = Self.scripted(listWatch)
        let first = HandlerLog(), second = HandlerLog()
        await informer.addEventHandler(first.handler)
        await informer.addEventHandler(second.handler)
        let expected = ["add default/a", "add default/b", "update default/a", "delete default/b"]
        try await Self.running(informer) {
            try await eventually("both handlers to be told everything") {
                first.calls.count == 4 && second.calls.count == 4
            }
        }
        #expect(first.calls == expected)
        #expect(second.calls == expected)
        #expect(informer.indexer.keys() == ["default/a"])
        #expect(informer.indexer.get(key: "default/a")?.metadata.resourceVersion == "3")
    }

    @Test func aHandlerAddedLateIsFirstToldOfEverythingCached() async throws {
        let listWatch = ScriptedListWatch(
            lists: [.list([pod("a", version: "1"), pod("b", version: "2")], resourceVersion: "2")], watches: [])
        let informer = Self.scripted(listWatch)
        let late = HandlerLog()
        try await Self.running(informer) {
            #expect(await informer.waitForCacheSync())
            await informer.addEventHandler(late.handler)
            try await eventually("the late handler to hear of the cached pods") { late.calls.count == 2 }
        }
        #expect(Set(late.calls) == ["add default/a", "add default/b"])
    }

    @Test func aFreshListAfter410TellsOfWhatChangedAndWhatVanished() async throws {
        let listWatch = ScriptedListWatch(
            lists: [
                .list([pod("a", version: "1"), pod("b", version: "2")], resourceVersion: "2"),
                .list([pod("b", version: "8")], resourceVersion: "9"),
            ],
            watches: [.watch([expiredEvent])])
        let informer = Self.scripted(listWatch)
        let log = HandlerLog()
        await informer.addEventHandler(log.handler)
        try await Self.running(informer) {
            try await eventually("the second list to be applied") { log.calls.count == 4 }
        }
        #expect(Set(log.calls.prefix(2)) == ["add default/a", "add default/b"])
        #expect(Array(log.calls.suffix(2)) == ["update default/b", "delete default/a"])
        #expect(informer.indexer.keys() == ["default/b"])
    }

    @Test func anInformerHasSyncedOnlyOnceItsFirstListIsIn() async throws {
        let listWatch = ScriptedListWatch(lists: [.listFails, .list([pod("a", version: "1")], resourceVersion: "1")], watches: [])
        let informer = Self.scripted(listWatch)
        #expect(!informer.hasSynced)
        try await Self.running(informer) {
            #expect(await informer.waitForCacheSync())
            #expect(informer.hasSynced)
            #expect(informer.indexer.count == 1)
        }
    }

    @Test func aResyncRetellsEveryCachedObjectAsAnUpdate() async throws {
        let listWatch = ScriptedListWatch(lists: [.list([pod("a", version: "1")], resourceVersion: "1")], watches: [])
        let informer = SharedInformer(listWatch: listWatch, resyncPeriod: .milliseconds(20), backoff: ReflectorTests.backoff)
        let log = HandlerLog()
        await informer.addEventHandler(log.handler)
        try await Self.running(informer) {
            try await eventually("two resyncs") { log.calls.count >= 3 }
        }
        #expect(Array(log.calls.prefix(3)) == ["add default/a", "update default/a", "update default/a"])
        #expect(listWatch.calls == ["list", "watch 1"], "a resync reads the cache, not the server")
    }

    // MARK: Against the real API server

    @Test func anInformersCacheConvergesOnWhatTheAPIClientWrites() async throws {
        try await withAPIServer { client in
            try await client.create(makePod("a", node: "node1"))
            try await client.create(makePod("b", node: "node2"))
            let informer = SharedInformer(
                listWatch: APIListWatch<Pod>(client: client, namespace: "default"),
                indexers: ["node": { [$0.spec.nodeName] }])
            let log = HandlerLog()
            await informer.addEventHandler(log.handler)
            try await Self.running(informer) {
                #expect(await informer.waitForCacheSync())
                #expect(Set(informer.indexer.keys()) == ["default/a", "default/b"])
                try await client.create(makePod("c", node: "node1"))
                var a = try await client.get(Pod.self, namespace: "default", name: "a")
                a.metadata.labels = ["seen": "yes"]
                try await client.update(a)
                try await deleteNow(client, "b")
                try await eventually("the cache to converge") {
                    Set(informer.indexer.keys()) == ["default/a", "default/c"]
                        && informer.indexer.get(key: "default/a")?.metadata.labels == ["seen": "yes"]
                }
                #expect(Set(informer.indexer.byIndex("node", "node1").map(\.metadata.name)) == ["a", "c"])
                try await eventually("the handler to hear of it all") { log.calls.count == 5 }
            }
            #expect(Set(log.calls.prefix(2)) == ["add default/a", "add default/b"])
            #expect(Set(log.calls.suffix(3)) == ["add default/c", "update default/a", "delete default/b"])
        }
    }

    @Test func anInformerWithAFieldSelectorSeesOnlyItsNodesPods() async throws {
        try await withAPIServer { client in
            let informer = SharedInformer(
                listWatch: APIListWatch<Pod>(client: client, fieldSelector: "spec.nodeName=node1"))
            try await Self.running(informer) {
                #expect(await informer.waitForCacheSync())
                try await client.create(makePod("elsewhere", node: "node2"))
                try await client.create(makePod("here", node: "node1"))
                try await eventually("the node's pod to be cached") { informer.indexer.count == 1 }
                #expect(informer.indexer.keys() == ["default/here"])
            }
        }
    }
}

@Suite struct SharedInformerFactoryTests {
    @Test func everyComponentAskingTheSameQuestionGetsTheSameInformer() async throws {
        try await withAPIServer { client in
            let factory = SharedInformerFactory(client: client)
            let kubelet = await factory.informer(Pod.self, fieldSelector: "spec.nodeName=node1")
            let statusManager = await factory.informer(Pod.self, fieldSelector: "spec.nodeName=node1")
            let everyPod = await factory.informer(Pod.self)
            #expect(kubelet === statusManager)
            #expect(kubelet !== everyPod)
            try await client.create(makePod("web", node: "node1"))
            try await client.create(makePod("db", node: "node2"))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await factory.run() }
                #expect(await factory.waitForCacheSync())
                let late = await factory.informer(Pod.self, namespace: "default")
                #expect(await late.waitForCacheSync(), "an informer asked for after `run` is run too")
                group.cancelAll()
                try await group.waitForAll()
                #expect(kubelet.indexer.keys() == ["default/web"])
                #expect(Set(everyPod.indexer.keys()) == ["default/web", "default/db"])
                #expect(late.indexer.count == 2)
            }
        }
    }
}
