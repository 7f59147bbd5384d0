// Stage 3 · WatchCache tests: the real API server with its watches and lists through the `Cacher`.
//
// `withCachingAPIServer` runs stage 2's API server over a `WatchableStore`, its watch
// source a `Cacher` whose `run()` runs beside it, as stage 3's composition root runs
// them. The test gets the client, the store (to compact it, to count its watches), the
// cacher, and the port, for raw requests whose exact Status a test checks.

import API
import APIMachinery
import APIServer
import Client
import ClusterKinds
import Foundation
import Informers
import Storage
import StoreWatch
import Testing
import WatchCache
@testable import TestSupport

/// A running API server whose watches and lists go through a `Cacher`.
struct CachingServer: Sendable {
    let client: APIClient
    let store: WatchableStore
    let cacher: Cacher
    let port: Int

    /// `GET path` with raw HTTP, for checking a Status exactly.
    func get(_ path: String, headers: [String: String] = [:]) async throws -> TestHTTPResponse {
        try await TestHTTPClient().get(port: port, path: path, headers: headers)
    }

    /// The Status a failed request answered with.
    func status(_ path: String) async throws -> Status {
        let response = try await get(path)
        return try APIJSON.decode(Status.self, from: Data(response.body.utf8))
    }

    /// A list's JSON answer, decoded.
    func list(_ path: String) async throws -> List<Pod> {
        let response = try await get(path)
        #expect(response.status == 200, "\(path): \(response.body)")
        return try APIJSON.decode(List<Pod>.self, from: Data(response.body.utf8))
    }
}

/// Tests' limits: quick ticks, and everything else Kubernetes' unless a test says otherwise.
let quickCacheLimits = WatchCacheLimits(tickInterval: .milliseconds(20))

/// Runs `body` with a fresh API server (pods and namespaces) behind a running `Cacher`.
@discardableResult
func withCachingAPIServer<T: Sendable>(
    limits: WatchCacheLimits = quickCacheLimits, watchLimits: WatchLimits = .standard,
    _ body: (CachingServer) async throws -> T
) async throws -> T {
    let resources = [
        ResourceRegistration(PodStrategy.self, subresources: ["status": StatusSubresource()]),
        ResourceRegistration(NamespaceStrategy.self, subresources: ["status": StatusSubresource()]),
    ]
    let store = await WatchableStore(MemoryStore(), limits: watchLimits)
    let cacher = Cacher(store: store, limits: limits)
    let server = try APIServer(store: store, resources: resources, watch: cacher, port: 0, logger: .silent)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        group.addTask { await cacher.run() }
        defer { group.cancelAll() }
        let client = try APIClient(server: "http://127.0.0.1:\(server.port)")
        try await eventually("the built-in namespaces to exist") {
            (try? await client.get(Namespace.self, name: "default")) != nil
        }
        return try await body(CachingServer(client: client, store: store, cacher: cacher, port: server.port))
    }
}
