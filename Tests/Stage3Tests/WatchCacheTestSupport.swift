// Stage 3 · WatchCache tests: the real API server, its watch served from a `WatchableStore`.
//
// `withAPIServer` (InformerTestSupport.swift) runs stage 2's API server as stage 2 does,
// with the polling watch. `withWatchingAPIServer` runs the same server over a
// `WatchableStore` with `StoreWatchSource`, as stage 3 will, and hands the test the store
// too, so that it can compact the history under a running watch.

import API
import APIMachinery
import APIServer
import Client
import ClusterKinds
import Informers
import Storage
import StoreWatch
import Synchronization
import Testing
import WatchCache
@testable import TestSupport

/// Runs `body` with a client of a fresh API server (pods and namespaces) whose watch is
/// the store's, and with that store; then stops the server.
@discardableResult
func withWatchingAPIServer<T: Sendable>(
    bookmarkInterval: Duration = StoreWatchSource.defaultBookmarkInterval,
    _ body: (APIClient, WatchableStore) async throws -> T
) async throws -> T {
    let resources = [
        ResourceRegistration(PodStrategy.self, subresources: ["status": StatusSubresource()]),
        ResourceRegistration(NamespaceStrategy.self, subresources: ["status": StatusSubresource()]),
    ]
    let store = await WatchableStore(MemoryStore())
    let watch = StoreWatchSource(store: store, bookmarkInterval: bookmarkInterval, tickInterval: .milliseconds(20))
    let server = try APIServer(store: store, resources: resources, watch: watch, port: 0, logger: .silent)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        defer { group.cancelAll() }
        let client = try APIClient(server: "http://127.0.0.1:\(server.port)")
        try await eventually("the built-in namespaces to exist") {
            (try? await client.get(Namespace.self, name: "default")) != nil
        }
        return try await body(client, store)
    }
}

/// Every event of `events` until the stream ends; fails if it has not ended within `seconds`.
func allEvents(of events: AsyncThrowingStream<WatchEvent<Pod>, Error>, seconds: Double = 60) async throws -> [WatchEvent<Pod>] {
    try await withDeadline(seconds: seconds) {
        var seen: [WatchEvent<Pod>] = []
        for try await event in events { seen.append(event) }
        return seen
    }
}

extension WatchEvent {
    /// `ADDED web`, `DELETED web`, `BOOKMARK 12`: one event in a line, for comparing streams.
    var summary: String {
        switch self {
        case .bookmark(let version): "BOOKMARK \(version)"
        case .error(let status): "ERROR \(status.code)"
        default: "\(type) \(object?.metadata.name ?? "")"
        }
    }
}

/// A real `ListWatch` whose current watch the test can break, as a dropped connection
/// would; it records `list`, `watch <version>` and `410` for each expired watch.
final class DroppableListWatch<Object: APIObject>: ListWatch, Sendable {
    private let real: APIListWatch<Object>
    private let state = Mutex<(calls: [String], drop: (@Sendable () -> Void)?)>(([], nil))

    init(_ real: APIListWatch<Object>) { self.real = real }

    var calls: [String] { state.withLock { $0.calls } }

    /// Ends the current watch's stream, as if its connection broke.
    func dropWatch() { state.withLock { $0.drop }?() }

    private func record(_ call: String) { state.withLock { $0.calls.append(call) } }

    func list() async throws -> List<Object> {
        record("list")
        return try await real.list()
    }

    func watch(from resourceVersion: String) async throws -> AsyncThrowingStream<WatchEvent<Object>, Error> {
        record("watch \(resourceVersion)")
        let events = try await real.watch(from: resourceVersion)
        let (stream, continuation) = AsyncThrowingStream<WatchEvent<Object>, Error>.makeStream()
        let forward = Task { [self] in
            do {
                for try await event in events {
                    if case .error(let status) = event, status.code == 410 { record("410") }
                    continuation.yield(event)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in forward.cancel() }
        state.withLock { $0.drop = { forward.cancel(); continuation.finish() } }
        return stream
    }
}
