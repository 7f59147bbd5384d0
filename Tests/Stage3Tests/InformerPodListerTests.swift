// Stage 3 · KubeletInformers tests: the kubelet's pods from an informer, as they change.
//
// The lister runs against the real API server with the store's watch. Its housekeeping
// tick is set to an hour, so every list a test sees within its deadline was handed out
// because a pod changed: a polling lister would fail these tests.

import API
import Client
import Informers
import KubeletInformers
import Testing
@testable import TestSupport

@Suite("The kubelet's pods from an informer")
struct InformerPodListerTests {
    static let noHousekeeping = Duration.seconds(3600)

    /// The names in the next list handed out that satisfies `condition`.
    func nextList(
        _ updates: AsyncStream<[Pod]>, where condition: @escaping @Sendable ([String]) -> Bool
    ) async throws -> [String] {
        try await withDeadline(seconds: 10) {
            for await pods in updates {
                let names = pods.map(\.metadata.name)
                if condition(names) { return names }
            }
            throw HarnessError("the lister's updates ended")
        }
    }

    @Test func eachChangeToTheNodesPodsIsHandedOutAtOnceAndOtherNodesPodsNever() async throws {
        try await withWatchingAPIServer { client, _ in
            let lister = InformerPodLister(client: client, nodeName: "node1", housekeepingPeriod: Self.noHousekeeping, logger: .silent)
            try await withThrowingTaskGroup(of: Void.self) { group throws in
                group.addTask { try await lister.run() }
                defer { group.cancelAll() }
                let updates = await lister.updates()
                // The first list is empty, and is still handed out: "none" is known.
                let list1 = try await nextList(updates) { _ in true }
                #expect(list1 == [])

                _ = try await client.create(makePod("elsewhere", node: "node2"))
                _ = try await client.create(makePod("web", node: "node1"))
                let list2 = try await nextList(updates) { $0.contains("web") }
                #expect(list2 == ["web"])

                var web = try await client.get(Pod.self, namespace: "default", name: "web")
                web.metadata.labels["changed"] = "yes"
                _ = try await client.update(web)
                let changed = try await withDeadline(seconds: 10) { () -> Pod? in
                    for await pods in updates where pods.first?.metadata.labels["changed"] == "yes" { return pods.first }
                    return nil
                }
                #expect(changed?.metadata.name == "web")

                try await deleteNow(client, "web")
                let list3 = try await nextList(updates) { $0.isEmpty }
                #expect(list3 == [])
            }
        }
    }

    @Test func aLateSubscriberIsHandedTheCachedListFirst() async throws {
        try await withWatchingAPIServer { client, _ in
            _ = try await client.create(makePod("web", node: "node1"))
            let lister = InformerPodLister(client: client, nodeName: "node1", housekeepingPeriod: Self.noHousekeeping, logger: .silent)
            try await withThrowingTaskGroup(of: Void.self) { group throws in
                group.addTask { try await lister.run() }
                defer { group.cancelAll() }
                let early = await lister.updates()
                let list4 = try await nextList(early) { _ in true }
                #expect(list4 == ["web"])
                // Nothing changes from now on: a late subscriber gets the list from the cache.
                let late = await lister.updates()
                let list5 = try await nextList(late) { _ in true }
                #expect(list5 == ["web"])
            }
        }
    }
}
