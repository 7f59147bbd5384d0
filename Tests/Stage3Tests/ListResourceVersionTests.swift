// Stage 3 · WatchCache tests: lists and watches that name a resourceVersion, and Kubernetes' answers.

import API
import APIMachinery
import APIServer
import Client
import ClusterKinds
import Foundation
import Storage
import StoreWatch
import Testing
import WatchCache
@testable import TestSupport

@Suite struct ListResourceVersionTests {
    static let pods = "/api/v1/namespaces/default/pods"
    static let invalidOptions = #"ListOptions.meta.k8s.io "" is invalid: "#

    @Test func aWatchOrListFromAResourceVersionThatIsNotANumberIs400() async throws {
        try await withCachingAPIServer { server in
            for path in ["\(Self.pods)?watch=true&resourceVersion=abc", "\(Self.pods)?resourceVersion=abc"] {
                let response = try await server.get(path)
                #expect(response.status == 400, "\(path)")
                let status = try APIJSON.decode(Status.self, from: Data(response.body.utf8))
                #expect(status.reason == .badRequest)
                #expect(status.message
                    == #"invalid resource version: resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax"#)
            }
        }
    }

    @Test func resourceVersionMatchBreakingKubernetesRulesIs422() async throws {
        try await withCachingAPIServer { server in
            let cases = [
                "?watch=true&resourceVersion=5&resourceVersionMatch=NotOlderThan":
                    "resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided",
                "?resourceVersionMatch=Exact":
                    "resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided",
                "?resourceVersion=0&resourceVersionMatch=Exact":
                    #"resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0""#,
                "?resourceVersion=5&resourceVersionMatch=Newest":
                    #"resourceVersionMatch: Unsupported value: "Newest": supported values: "Exact", "NotOlderThan", """#,
            ]
            for (query, message) in cases {
                let response = try await server.get(Self.pods + query)
                #expect(response.status == 422, "\(query)")
                let status = try APIJSON.decode(Status.self, from: Data(response.body.utf8))
                #expect(status.reason == .invalid)
                #expect(status.message == Self.invalidOptions + message, "\(query)")
                #expect(status.details?.kind == "ListOptions" && status.details?.group == "meta.k8s.io")
            }
        }
    }

    @Test func aListNotOlderThanAVersionTheStoreHasNotReachedWaitsThenIs504() async throws {
        let limits = WatchCacheLimits(tickInterval: .milliseconds(20), futureVersionWait: .milliseconds(200))
        try await withCachingAPIServer(limits: limits) { server in
            let current = await server.store.currentRevision
            for query in ["?resourceVersion=\(current + 10)", "?resourceVersion=\(current + 10)&resourceVersionMatch=NotOlderThan"] {
                let response = try await server.get(Self.pods + query)
                #expect(response.status == 504)
                #expect(response.headers["retry-after"] == "1")
                let status = try APIJSON.decode(Status.self, from: Data(response.body.utf8))
                #expect(status.reason == .timeout)
                #expect(status.message == "Timeout: Too large resource version: \(current + 10), current: \(current)")
                #expect(status.details?.retryAfterSeconds == 1)
                #expect(status.details?.causes == [StatusCause(reason: "ResourceVersionTooLarge", message: "Too large resource version")])
            }
        }
    }

    @Test func aListNotOlderThanAComingVersionIsAnsweredOnceTheStoreGetsThere() async throws {
        try await withCachingAPIServer { server in
            let next = await server.store.currentRevision + 1
            async let waiting = server.list(Self.pods + "?resourceVersion=\(next)")
            try await server.client.create(makePod("a"))
            let list = try await waiting
            #expect(list.items.map(\.metadata.name) == ["a"])
            #expect(Int64(list.metadata.resourceVersion)! >= next)
        }
    }

    @Test func anExactListReadsThePastAndATooOldOneIs410() async throws {
        try await withCachingAPIServer { server in
            let a = try await server.client.create(makePod("a"))
            var updated = a
            updated.metadata.labels = ["tier": "front"]
            try await server.client.update(updated)
            try await server.client.create(makePod("b"))
            let version = a.metadata.resourceVersion
            for query in ["?resourceVersion=\(version)&resourceVersionMatch=Exact", "?resourceVersion=\(version)&limit=10"] {
                let list = try await server.list(Self.pods + query)
                #expect(list.metadata.resourceVersion == version, "\(query)")
                #expect(list.items.map(\.metadata.name) == ["a"])
                #expect(list.items.first?.metadata.labels == [:], "a as it was then")
            }
            server.store.compact(through: await server.store.currentRevision)
            let response = try await server.get(Self.pods + "?resourceVersion=\(version)&resourceVersionMatch=Exact")
            #expect(response.status == 410)
            let status = try APIJSON.decode(Status.self, from: Data(response.body.utf8))
            #expect(status.reason == .expired)
            #expect(status.message == "The resourceVersion for the provided list is too old.")
        }
    }

    @Test func everyPageOfAListIsReadAtTheFirstPagesRevision() async throws {
        try await withCachingAPIServer { server in
            for name in ["a", "b", "c"] { try await server.client.create(makePod(name)) }
            let first = try await server.list(Self.pods + "?limit=1")
            #expect(first.items.map(\.metadata.name) == ["a"])
            // Between pages: b goes, d comes. The pages still show the list as it was.
            try await deleteNow(server.client, "b")
            try await server.client.create(makePod("d"))
            let second = try await server.list(Self.pods + "?limit=1&continue=\(first.metadata.continue)")
            let third = try await server.list(Self.pods + "?limit=1&continue=\(second.metadata.continue)")
            #expect((second.items + third.items).map(\.metadata.name) == ["b", "c"])
            #expect(third.metadata.continue.isEmpty)
            #expect(Set([first, second, third].map(\.metadata.resourceVersion)).count == 1)
            // A token may come with resourceVersion "0" (any), not with another version.
            let anyVersion = try await server.list(Self.pods + "?limit=1&resourceVersion=0&continue=\(first.metadata.continue)")
            #expect(anyVersion.items.map(\.metadata.name) == ["b"])
            let status = try await server.status(Self.pods + "?limit=1&resourceVersion=5&continue=\(first.metadata.continue)")
            #expect(status.code == 400 && status.message == "specifying resource version is not allowed when using continue")
        }
    }

    @Test func aPageWhoseRevisionWasCompactedIs410WithATokenThatContinuesAtTheLatest() async throws {
        try await withCachingAPIServer { server in
            for name in ["a", "b", "c"] { try await server.client.create(makePod(name)) }
            let first = try await server.list(Self.pods + "?limit=1")
            try await server.client.create(makePod("d"))
            server.store.compact(through: await server.store.currentRevision)
            let response = try await server.get(Self.pods + "?limit=1&continue=\(first.metadata.continue)")
            #expect(response.status == 410)
            let status = try APIJSON.decode(Status.self, from: Data(response.body.utf8))
            #expect(status.reason == .expired)
            #expect(status.message.hasPrefix("The provided continue parameter is too old to display a consistent list result."))
            #expect(status.message.hasSuffix("may show up in the list."))
            let token = status.metadata.continue
            #expect(!token.isEmpty)
            let rest = try await server.list(Self.pods + "?limit=10&continue=\(token)")
            #expect(rest.items.map(\.metadata.name) == ["b", "c", "d"], "the rest, as it is now")
        }
    }

    @Test func stage2sWatchSourceLeavesListsAsTheyWere() async throws {
        let resources = [ResourceRegistration(PodStrategy.self), ResourceRegistration(NamespaceStrategy.self)]
        let server = try APIServer(store: MemoryStore(), resources: resources, watch: PollingWatch(), port: 0, logger: .silent)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            defer { group.cancelAll() }
            let http = TestHTTPClient()
            try await eventually("the server to answer") { (try? await http.get(port: server.port, path: Self.pods))?.status == 200 }
            // Stage 2 reads every list as the store is now, whatever it asks.
            let response = try await http.get(port: server.port, path: Self.pods + "?resourceVersion=999&resourceVersionMatch=Exact")
            #expect(response.status == 200)
        }
    }
}
