// Stage 2 · APIServer: the cluster's front door, and the only component that touches storage.
//
// Everything in Kubernetes goes through the API server: `kubectl` creating a pod, the
// kubelet reporting its node and its pods' status, and (later) the scheduler and the
// controllers. It stores objects, numbers their versions, validates them, and answers
// in Kubernetes' REST layout, so the real `kubectl` and the official clients work
// against it. It holds no state of its own: everything is in the store, so a restart
// (even after `kill -9`) serves back every object it ever acknowledged.
//
//   /healthz /version /api /api/v1 /apis /openapi/v2      discovery and health
//   /api/v1/namespaces/{ns}/pods[/{name}[/status|/log]]    namespaced resources
//   /api/v1/nodes[/{name}[/status]]  /api/v1/namespaces     cluster-scoped resources
//   /apis/{group}/{version}/…                             named groups: the self-reviews of
//                                                         `kubectl auth` here, apps/v1 in stage 5
//
// It serves what its caller registers: the stage's `main` passes the resources
// (`ResourceRegistration`: a kind's strategy and its subresources), and the groups,
// routes, discovery, field selectors, patch schemas and tables follow from them; it
// passes the `WatchSource` too, stage 2's polling watch or stage 3's real one.
//
// What a kind costs, measured on this stage's kinds (and a test kind of a named group,
// `Widget` in NamedGroupTests.swift):
//   - its type file, plus its `APIObject` conformance there: 3 lines naming its `Resource`;
//   - its strategy file, saying only where it differs from `RESTStrategy`'s defaults:
//     3 lines for a kind with no rules of its own (`WidgetStrategy`), 19 lines of code for
//     events (33 with the file's header and imports), 17 for nodes, 46 for namespaces
//     (their two-step deletion and their name label are their own rules);
//   - one line in the composition root (`ResourceRegistration(NodeStrategy.self)`);
//   - if `kubectl get` is to show more than name and creation time, a printer (PodPrinter,
//     NodePrinter…), which is the kind's own lesson rather than plumbing.
// Discovery, routes, storage keys, field selectors, patch schema and table columns come
// from those. Before, a kind cost about 90 lines in 7 places across 4 modules: a 47-line
// list type, a `ResourceDefinition`, a strategy inside `RESTStrategy.swift`, the client's
// and the server's conformances, a `Resource` constant, an entry in this initializer and
// field names in APIMachinery.

import API
import APIMachinery
import ClusterKinds
import Common
import Foundation
import HTTP
import Storage

/// The API server: serves the cluster's objects over HTTP from a key-value store.
public struct APIServer: Sendable {
    /// The namespaces every cluster starts with.
    public static let initialNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"]

    let store: any KeyValueStore
    let logger: Logger
    let router: APIRouter
    let server: HTTPServer
    // Stage 4 > objects every cluster starts with beside the namespaces (the system priority classes)
    /// Run once at start-up, in order, after the built-in namespaces exist: each makes what
    /// the cluster starts with, if it is absent (storage is durable: an earlier run made it).
    public var bootstrap: [@Sendable (any KeyValueStore, Logger) async -> Void] = []
    // Stage 4 <

    /// Makes the API server of `resources` over `store`, its watches served by `watch`,
    /// and binds its port (0 picks one).
    public init(
        store: any KeyValueStore, resources: [ResourceRegistration], watch: any WatchSource,
        host: String = "127.0.0.1", port: Int, logger: Logger,
        // Stage 3 > the HTTP limits as a parameter: a thousand watches need more connections than stage 2's cap
        limits: HTTPLimits = .apiServer,
        // Stage 3 <
        authenticator: TokenAuthenticator? = nil
    ) throws {
        // Without authentication, anyone who can reach the port controls the cluster (and
        // runs processes as the kubelet's user): only this machine may reach it then.
        guard authenticator != nil || Self.isLoopback(host) else { throw UnauthenticatedAddress(host: host) }
        self.store = store
        self.logger = logger
        var router = APIRouter(store: store, resources: resources, watch: watch, serverAddress: "\(host):\(port)", logger: logger)
        router.authenticator = authenticator
        self.router = router
        // Requests refused before any handler sees them (too large, malformed) are still
        // answered with a Kubernetes Status, as clients expect of an API server.
        server = try HTTPServer(host: host, port: port, limits: limits, logger: logger.labelled("apiserver-http"),
                                refusalResponder: { status, message in
                                    APIResponse.failure(status.code == 413
                                        ? Status.requestEntityTooLarge(message) : Status.badRequest(message), code: status)
                                },
                                handler: router.handle)
        if !Self.isLoopback(host) {
            logger.warning("listening beyond loopback over plain HTTP: a bearer token can be read by anyone who sees the traffic",
                           ["address": server.address])
        }
    }

    /// Whether `host` is reachable from this machine only: `localhost`, `::1`, or 127.0.0.0/8.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Listening beyond loopback without authentication was asked for, and refused.
    public struct UnauthenticatedAddress: Error, CustomStringConvertible {
        public let host: String
        public var description: String {
            "refusing to listen on \(host) without authentication: anyone who could reach it would control the cluster;"
                + " give a token file (--token-auth-file; `up` makes one) or listen on 127.0.0.1"
        }
    }

    /// The port the API server listens on.
    public var port: Int { server.port }

    /// Creates the built-in namespaces, then serves until cancelled (with a `HeapScavenger`).
    public func run() async throws {
        await router.createInitialNamespaces()
        // Stage 4 > objects every cluster starts with beside the namespaces (the system priority classes)
        for step in bootstrap { await step(store, logger) }
        // Stage 4 <
        logger.info("listening", ["address": server.address, "revision": await store.currentRevision])
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await HeapScavenger().run() }  // freed memory back to the system, as Go does
            try await server.run()
            group.cancelAll()
        }
    }
}
