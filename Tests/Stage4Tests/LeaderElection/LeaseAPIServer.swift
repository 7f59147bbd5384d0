// Stage 4 · LeaderElection and KubeletNodes tests: an API server in-process that serves Leases.
//
// Leader election and node leases are both a component writing a Lease through the API
// server and racing others with resourceVersions. The API server's own Lease strategy is
// stage 4's `SchedulingRegistry`; these tests need only what every kind gets by default
// (name rules, optimistic concurrency), so they register Lease with the default strategy,
// beside the namespaces, nodes and events the components read and write.

import API
import APIMachinery
@testable import APIServer
import Client
import ClusterKinds
import Common
import SchedulingKinds
import Storage
import Testing
@testable import TestSupport

/// Lease with every default of `RESTStrategy`: what the tests need of the API server.
enum DefaultLeaseStrategy: RESTStrategy {
    typealias Object = Lease
}

/// Runs `body` with a client of a fresh API server (namespaces, nodes, events, leases),
/// once its built-in namespaces exist; then stops it.
@discardableResult
func withLeaseAPIServer<T: Sendable>(_ body: (APIClient) async throws -> T) async throws -> T {
    let resources = [
        ResourceRegistration(NamespaceStrategy.self, subresources: ["status": StatusSubresource()]),
        ResourceRegistration(NodeStrategy.self),
        ResourceRegistration(EventStrategy.self, subresources: [:]),
        ResourceRegistration(DefaultLeaseStrategy.self, subresources: [:]),
    ]
    let server = try APIServer(
        store: MemoryStore(), resources: resources, watch: PollingWatch(interval: .milliseconds(20)), port: 0,
        logger: .silent)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        defer { group.cancelAll() }
        let client = try APIClient(server: "http://127.0.0.1:\(server.port)")
        try await eventually("the built-in namespaces to exist") {
            (try? await client.get(Namespace.self, name: "kube-node-lease")) != nil
        }
        return try await body(client)
    }
}

/// The Lease `namespace/name`, or nil while there is none.
func lease(_ client: APIClient, _ namespace: String, _ name: String) async -> Lease? {
    try? await client.get(Lease.self, namespace: namespace, name: name)
}
