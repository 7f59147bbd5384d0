// Test support: the whole API server in-process, over a store the test holds, on a free port.

import APIServer
@testable import HTTPClient
import Storage
import Testing
@testable import TestSupport

/// Runs `body` with a client of a fresh API server over `store` (stage 2's resources),
/// once the server has written its built-in namespaces, then stops the server.
func withInProcessAPIServer<T: Sendable>(
    store: MemoryStore = MemoryStore(), _ body: (HTTPClient) async throws -> T
) async throws -> T {
    let server = try APIServer(store: store, resources: stage2Resources, watch: PollingWatch(), port: 0, logger: .silent)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        defer { group.cancelAll() }
        let client = try HTTPClient(baseURL: "http://127.0.0.1:\(server.port)")
        // Counts of revisions and lists begin after the namespaces every cluster starts with.
        try await eventually("the built-in namespaces to exist") {
            try await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/namespaces/kube-node-lease")).status.code == 200
        }
        return try await body(client)
    }
}
