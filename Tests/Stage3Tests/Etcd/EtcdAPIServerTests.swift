// Stage 3 · EtcdStore tests: API servers whose store is etcd, as in a real control plane.
//
// Kubernetes runs several API servers for availability, each with its own etcd client,
// all on the same etcd: since etcd is the only state, they serve the same objects at the
// same resourceVersions and the same watch streams, whichever a client talks to. Here
// two of stage 2's API servers, each over its own `EtcdStore` with stage 3's watch (the
// direct `StoreWatchSource`, or the `Cacher`, Kubernetes' watch cache), run in this
// process on one etcd. The 410 of a compacted watch comes from
// etcd's compaction through the same path as from the embedded store's.

import API
import APIMachinery
import APIServer
import Client
import ClusterKinds
import EtcdStore
import Foundation
import Informers
import StoreWatch
import Testing
import WatchCache
@testable import TestSupport

@Suite(.serialized, .enabled(if: etcdIsInstalled, "needs etcd and etcdctl on PATH (Debian: apt-get install etcd-server etcd-client)"), .etcd())
struct EtcdAPIServerTests {
    /// The API server's watch: one store watch per client request, or the watch cache.
    enum Watch: String, CaseIterable, Sendable { case direct, cached }

    /// Runs `body` with a client of an API server (pods, namespaces) whose store is an
    /// `EtcdStore` on the suite's etcd, and with that store; then stops the server.
    private func withEtcdAPIServer<T: Sendable>(
        _ kind: Watch = .direct, _ body: (APIClient, EtcdStore) async throws -> T
    ) async throws -> T {
        let resources = [
            ResourceRegistration(PodStrategy.self, subresources: ["status": StatusSubresource()]),
            ResourceRegistration(NamespaceStrategy.self, subresources: ["status": StatusSubresource()]),
        ]
        let store = try await EtcdStore(endpoints: EtcdCluster.required().clientURLs, logger: .silent)
        let cacher = Cacher(store: store, limits: WatchCacheLimits(tickInterval: .milliseconds(20)))
        let watch: any WatchSource = kind == .cached ? cacher : StoreWatchSource(store: store, tickInterval: .milliseconds(20))
        let server = try APIServer(store: store, resources: resources, watch: watch, port: 0, logger: .silent)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            if kind == .cached { group.addTask { await cacher.run() } }
            defer { group.cancelAll() }
            let client = try APIClient(server: "http://127.0.0.1:\(server.port)")
            try await eventually("the built-in namespaces to exist") {
                (try? await client.get(Namespace.self, name: "default")) != nil
            }
            return try await body(client, store)
        }
    }

    @Test(arguments: Watch.allCases)
    func twoAPIServersOverOneEtcdServeTheSameObjectsAndTheSameWatch(watch: Watch) async throws {
        try await withEtcdAPIServer(watch) { first, _ in
            try await withEtcdAPIServer(watch) { second, _ in
                let list = try await first.list(Pod.self, namespace: "default")
                let options = ListOptions(resourceVersion: list.metadata.resourceVersion)
                let fromFirst = try await first.watch(Pod.self, namespace: "default", options: options)
                let fromSecond = try await second.watch(Pod.self, namespace: "default", options: options)

                // Writes alternate between the servers; each sees the other's at once.
                var x = try await first.create(makePod("x"))
                #expect(try await second.get(Pod.self, namespace: "default", name: "x").metadata.resourceVersion == x.metadata.resourceVersion)
                x.metadata.labels = ["tier": "front"]
                x = try await second.update(x)
                let y = try await second.create(makePod("y"))
                try await deleteNow(first, "x")

                let seenFirst = try await firstEvents(4, of: fromFirst)
                let seenSecond = try await firstEvents(4, of: fromSecond)
                #expect(seenFirst.map(\.summary) == ["ADDED x", "MODIFIED x", "ADDED y", "DELETED x"])
                #expect(seenSecond.map(\.summary) == seenFirst.map(\.summary))
                let versions = { (events: [WatchEvent<Pod>]) in events.compactMap { $0.object?.metadata.resourceVersion } }
                #expect(versions(seenSecond) == versions(seenFirst))
                #expect(versions(seenFirst)[1] == x.metadata.resourceVersion)
                #expect(versions(seenFirst)[2] == y.metadata.resourceVersion)

                let listed = try await second.list(Pod.self, namespace: "default")
                let listedFirst = try await first.list(Pod.self, namespace: "default")
                #expect(listed.items.map(\.metadata.name) == ["y"])
                #expect(listedFirst.items.map(\.metadata.resourceVersion) == listed.items.map(\.metadata.resourceVersion))
                try await deleteNow(second, "y")
            }
        }
    }

    @Test func aWatchFromAVersionEtcdCompactedGetsOne410ErrorThenTheStreamEnds() async throws {
        try await withEtcdAPIServer { client, store in
            let a = try await client.create(makePod("a"))
            try await client.create(makePod("b"))
            let current = await store.currentRevision
            try await store.compact(through: current)
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
            for name in ["a", "b", "c"] { try await deleteNow(client, name) }
        }
    }
}
