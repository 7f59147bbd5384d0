// Test support: the real API server over the in-memory store, for the length of one test.
//
// Client and kubelet tests talk to the API server they meet in a cluster, not to a
// stand-in: the server's own request handling (`APIRouter`, with stage 2's resources)
// over a `MemoryStore`, served on port 0. In front of it sits a recorder, so a test can
// check what its component sent (the path of a heartbeat, the body of a delete). The one
// thing the real server cannot do on cue is lose a race, so `injectConflicts` answers the
// next PUTs with 409 Conflict, as if another writer had come first: the only fake
// behaviour left.

import API
import APIMachinery
@testable import APIServer
import Common
import Foundation
import HTTP
import Storage
import Synchronization
@testable import TestSupport

/// The resources stage 2's `main` registers, for tests that want the same server
/// (`theBinaryServesExactlyTheResourcesTheTestsRegister` checks the binary serves them).
let stage2Resources = ResourceRegistration.stage2Resources

/// The API server of one test, with every request it received.
final class TestAPIServer: Sendable {
    let store: MemoryStore
    let router: APIRouter
    let http: HTTPServer
    private let log: RequestLog

    /// Binds port 0 for a server of `resources`; serving starts in `withTestAPIServer`.
    init(resources: [ResourceRegistration] = stage2Resources) throws {
        let (store, log) = (MemoryStore(), RequestLog())
        let router = APIRouter(store: store, resources: resources, watch: PollingWatch(interval: .milliseconds(20)),
                               serverAddress: "127.0.0.1", logger: .silent)
        (self.store, self.router, self.log) = (store, router, log)
        http = try HTTPServer(port: 0, logger: .silent) { request in await log.answer(request, with: router) }
    }

    /// The URL clients use.
    var url: String { "http://127.0.0.1:\(http.port)" }

    /// Every request so far.
    var requests: [RequestLog.Recorded] { log.requests }

    /// Makes the next `count` PUTs fail with Conflict, as if someone else wrote first.
    func injectConflicts(_ count: Int) { log.injectConflicts(count) }

    /// The stored object, read from the store (so not recorded), or nil.
    func object<Object: APIObject>(_ type: Object.Type, namespace: String = "", name: String) async throws -> Object? {
        guard let stored = try await store.get(Object.resource.storageKey(namespace: namespace, name: name)) else { return nil }
        var object = try APIJSON.decode(Object.self, from: stored.value)
        object.metadata.resourceVersion = String(stored.modRevision)
        return object
    }
}

/// The requests a `TestAPIServer` received, and the conflicts it is to fake.
final class RequestLog: Sendable {
    /// One request as the server saw it.
    struct Recorded: Sendable {
        var method: String
        var path: String
        var query: [String: String]
        var body: [UInt8]
    }

    private struct State {
        var requests: [Recorded] = []
        var conflictsToInject = 0
    }
    private let state = Mutex(State())

    var requests: [Recorded] { state.withLock { $0.requests } }

    func injectConflicts(_ count: Int) { state.withLock { $0.conflictsToInject = count } }

    /// Records `request`, then answers it: with an injected Conflict, or as `router` does.
    func answer(_ request: HTTPRequest, with router: APIRouter) async -> HTTPResponse {
        let conflict = state.withLock { state in
            state.requests.append(Recorded(method: request.method, path: request.path, query: request.query, body: request.body))
            guard request.method == "PUT", state.conflictsToInject > 0 else { return false }
            state.conflictsToInject -= 1
            return true
        }
        guard conflict else { return await router.handle(request) }
        let resource = RequestInfo(method: request.method, path: request.path).resource
        return APIResponse.failure(.conflict(GroupResource(resource: resource), name: ""))
    }
}

/// Runs an API server (stage 2's resources unless told) for the length of `body`, then stops it.
func withTestAPIServer(
    resources: [ResourceRegistration] = stage2Resources, _ body: @escaping @Sendable (TestAPIServer) async throws -> Void
) async throws {
    let server = try TestAPIServer(resources: resources)
    await server.router.createInitialNamespaces()
    try await withDeadline {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.http.run() }
            try await body(server)
            group.cancelAll()
            try await group.waitForAll()
        }
    }
}
