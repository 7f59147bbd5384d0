// Stage 4 · LeaderElection and KubeletNodes tests: an API server in-process that serves Leases.
//
// Leader election and node leases are both a component writing a Lease through the API
// server and racing others with resourceVersions: they run against stage 4's own API
// server in process (`withSchedulingAPI`), with its Lease strategy.

import Client
import SchedulingKinds

/// Runs `body` with a client of a fresh stage-4 API server (`withSchedulingAPI`), then stops it.
@discardableResult
func withLeaseAPIServer<T: Sendable>(_ body: (APIClient) async throws -> T) async throws -> T {
    try await withSchedulingAPI { try await body($0.client) }
}

/// The Lease `namespace/name`, or nil while there is none.
func lease(_ client: APIClient, _ namespace: String, _ name: String) async -> Lease? {
    try? await client.get(Lease.self, namespace: namespace, name: name)
}
