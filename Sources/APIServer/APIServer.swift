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
    let server: HTTPServer
    let endpoints: [String: any ResourceEndpoint]

    /// Makes the API server over `store` and binds its port (0 picks one).
    public init(store: any KeyValueStore, host: String = "127.0.0.1", port: Int, logger: Logger) throws {
        self.store = store
        self.logger = logger
        let endpoints: [any ResourceEndpoint] = [
            RESTStorage<PodRESTStrategy>(store: store), RESTStorage<NodeRESTStrategy>(store: store),
            RESTStorage<NamespaceRESTStrategy>(store: store), RESTStorage<EventRESTStrategy>(store: store),
        ]
        let table = Dictionary(uniqueKeysWithValues: endpoints.map { ($0.definition.name, $0) })
        self.endpoints = table
        let logs = PodLogProxy(pods: RESTStorage(store: store), nodes: RESTStorage(store: store))
        let router = APIRouter(endpoints: table, namespaces: RESTStorage<NamespaceRESTStrategy>(store: store), logs: logs,
                               serverAddress: "\(host):\(port)", logger: logger)
        // Requests refused before any handler sees them (too large, malformed) are still
        // answered with a Kubernetes Status, as clients expect of an API server.
        server = try HTTPServer(host: host, port: port, limits: .apiServer, logger: logger.labelled("apiserver-http"),
                                refusalResponder: { status, message in
                                    APIResponse.failure(status.code == 413
                                        ? Status.requestEntityTooLarge(message) : Status.badRequest(message), code: status)
                                },
                                handler: router.handle)
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            logger.warning("listening beyond loopback with no authentication: anyone who can reach this port controls the cluster",
                           ["address": "\(host):\(server.port)"])
        }
    }

    /// The port the API server listens on.
    public var port: Int { server.port }

    /// Creates the built-in namespaces, then serves until cancelled.
    public func run() async throws {
        let namespaces = RESTStorage<NamespaceRESTStrategy>(store: store)
        for name in Self.initialNamespaces {
            var namespace = Namespace()
            namespace.metadata.name = name
            // A namespace created by an earlier run is still there: storage is durable.
            await createIfAbsent(namespace, in: namespaces)
        }
        logger.info("listening", ["address": "127.0.0.1:\(server.port)", "revision": await store.currentRevision])
        try await server.run()
    }

    /// Creates `namespace` unless it exists already.
    private func createIfAbsent(_ namespace: Namespace, in namespaces: RESTStorage<NamespaceRESTStrategy>) async {
        let result: Result<Namespace, Status>
        do {
            result = .success(try await namespaces.create(namespace, namespace: ""))
        } catch {
            result = .failure(error)
        }
        if case .failure(let status) = result, status.reason != .alreadyExists {
            logger.error("could not create a built-in namespace", ["name": namespace.metadata.name, "error": status.message])
        }
    }
}
