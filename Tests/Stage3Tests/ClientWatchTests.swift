// Stage 3 · Informers tests: the client's watch, against the real stage-2 API server and line by line.

import API
import APIMachinery
import Client
import Foundation
@testable import Informers
import Synchronization
import Testing
@testable import TestSupport

@Suite struct ClientWatchTests {
    @Test func aWatchFromAListsVersionSeesEachLaterCreateUpdateAndDelete() async throws {
        try await withAPIServer { client in
            let list = try await client.list(Pod.self, namespace: "default")
            let events = try await client.watch(
                Pod.self, namespace: "default", options: ListOptions(resourceVersion: list.metadata.resourceVersion))
            try await withWatchLog(events) { log in
                var pod = try await client.create(makePod("web"))
                try await eventually("the ADDED event") { log.types == ["ADDED"] }
                pod.metadata.labels = ["tier": "front"]
                pod = try await client.update(pod)
                try await eventually("the MODIFIED event") { log.types == ["ADDED", "MODIFIED"] }
                try await deleteNow(client, "web")
                try await eventually("the DELETED event") { log.types == ["ADDED", "MODIFIED", "DELETED"] }
                #expect(log.events.map { $0.object?.metadata.name } == ["web", "web", "web"])
                #expect(log.events[1].object?.metadata.labels == ["tier": "front"])
                #expect(log.events[1].object?.metadata.resourceVersion == pod.metadata.resourceVersion)
            }
        }
    }

    @Test func aWatchWithALabelSelectorSeesOnlyTheObjectsThatMatch() async throws {
        try await withAPIServer { client in
            let events = try await client.watch(
                Pod.self, namespace: "default", options: ListOptions(labelSelector: "app=web", resourceVersion: "0"))
            try await client.create(makePod("other", labels: ["app": "db"]))
            try await client.create(makePod("web", labels: ["app": "web"]))
            let seen = try await firstEvents(1, of: events)
            #expect(seen.map(\.type) == ["ADDED"])
            #expect(seen.first?.object?.metadata.name == "web")
        }
    }

    @Test func aWatchEndsWhenItsTimeoutSecondsAreUp() async throws {
        try await withAPIServer { client in
            let events = try await client.watch(Pod.self, options: ListOptions(resourceVersion: "0", timeoutSeconds: 1))
            let count = try await withDeadline(seconds: 30) {
                var count = 0
                for try await _ in events { count += 1 }
                return count
            }
            #expect(count == 0)
        }
    }

    @Test func aRefusedWatchThrowsTheServersStatus() async throws {
        try await withAPIServer { client in
            await #expect {
                _ = try await client.watch(Pod.self, options: ListOptions(fieldSelector: "spec.color=blue"))
            } throws: { error in
                (error as? APIError)?.status?.code == 400
            }
        }
    }

    @Test func anErrorLineIsAnErrorEventWhose410IsRecognisedAsExpired() throws {
        let line = #"{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 5 (10)","reason":"Expired","code":410}}"#
        let event = try WatchEventDecoder.event(Pod.self, from: line)
        guard case .error(let status) = event else { Issue.record("not an ERROR event: \(event)"); return }
        #expect(status.isExpired)
        #expect(status.message == "too old resource version: 5 (10)")
        #expect(!Status(reason: .notFound, code: 404).isExpired)
        #expect(Status(reason: .gone, code: 410).isExpired)
    }

    @Test func aBookmarkLineCarriesOnlyTheVersionReached() throws {
        let line = #"{"type":"BOOKMARK","object":{"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"12746"}}}"#
        #expect(try WatchEventDecoder.event(Pod.self, from: line) == .bookmark(resourceVersion: "12746"))
    }

    @Test func anUnknownEventTypeIsRefused() {
        #expect(throws: WatchEventDecoder.Unreadable.self) {
            try WatchEventDecoder.event(Pod.self, from: #"{"type":"RENAMED","object":{}}"#)
        }
    }

    @Test func aWatchQueryCarriesEveryOption() {
        let options = ListOptions(
            labelSelector: "app=web", fieldSelector: "spec.nodeName=node1", resourceVersion: "42",
            allowWatchBookmarks: true, timeoutSeconds: 300)
        #expect(options.watchQuery == "watch=true&labelSelector=app%3Dweb&fieldSelector=spec.nodeName%3Dnode1"
            + "&resourceVersion=42&allowWatchBookmarks=true&timeoutSeconds=300")
    }
}

/// The events one watch has delivered so far, read by a task of their own.
final class WatchLog: Sendable {
    private let seen = Mutex<[WatchEvent<Pod>]>([])
    var events: [WatchEvent<Pod>] { seen.withLock { $0 } }
    var types: [String] { events.map(\.type) }
    func append(_ event: WatchEvent<Pod>) { seen.withLock { $0.append(event) } }
}

/// Runs `body` while a task reads `events` into a log; stops the reading after it.
func withWatchLog<T: Sendable>(
    _ events: AsyncThrowingStream<WatchEvent<Pod>, Error>, _ body: (WatchLog) async throws -> T
) async throws -> T {
    let log = WatchLog()
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { for try await event in events { log.append(event) } }
        defer { group.cancelAll() }
        return try await body(log)
    }
}
