// Stage 2 · APIServer: from a request to the code that answers it.
//
// Every resource request names its group, version and resource (`RequestInfo`), and
// the router looks that triple up among the endpoints built from the registered
// resources: `/api/v1/pods` is ("", v1, pods), `/apis/apps/v1/deployments` would be
// (apps, v1, deployments). Anything else is health or discovery, answered from the same
// registrations.

import API
import APIMachinery
import ClusterKinds
import Common
import Foundation
import HTTP
import Storage

/// Routes each request: health and discovery, or a resource's endpoint.
struct APIRouter: Sendable {
    let resources: [ResourceRegistration]
    /// The endpoints, by `group/version/plural`.
    let endpoints: [String: any ResourceEndpoint]
    let store: any KeyValueStore
    let serverAddress: String
    let logger: Logger

    /// Builds an endpoint for each of `resources` over `store`, watched through `watch`.
    init(store: any KeyValueStore, resources: [ResourceRegistration], watch: any WatchSource, serverAddress: String, logger: Logger) {
        self.store = store
        self.resources = resources
        endpoints = Dictionary(uniqueKeysWithValues: resources.map {
            (Self.key($0.resource.group, $0.resource.version, $0.resource.plural), $0.makeEndpoint(store, watch))
        })
        self.serverAddress = serverAddress
        self.logger = logger
    }

    static func key(_ group: String, _ version: String, _ plural: String) -> String { "\(group)/\(version)/\(plural)" }

    /// Whether namespaces are served: then namespaced objects must be created in one that exists.
    var servesNamespaces: Bool { endpoints[Self.key("", "v1", Namespace.resource.plural)] != nil }

    /// Answers one request; every failure becomes a Kubernetes `Status`.
    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        // Segments decoded one by one: `%2F` in a name must not route as a `/`.
        let info = RequestInfo(method: request.method, path: request.path, segments: request.pathSegments,
                               isWatch: RequestInfo.isTrue(request.query["watch"]))
        do {
            let response = try await route(request, info: info)
            logger.debug("request", ["verb": info.verb, "path": request.path, "code": response.status.code])
            return response
        } catch {
            logger.debug("request failed", ["verb": info.verb, "path": request.path, "code": error.code, "message": error.message])
            return APIResponse.failure(error)
        }
    }

    private func route(_ request: HTTPRequest, info: RequestInfo) async throws(Status) -> HTTPResponse {
        try ContentNegotiation.check(request, info: info)
        guard info.isResourceRequest else { return try discovery(request) }
        guard let endpoint = endpoints[Self.key(info.apiGroup, info.apiVersion, info.resource)] else {
            throw Status.notFound(message: "the server could not find the requested resource")
        }
        // Objects live in namespaces that must exist and not be terminating (`NamespaceLifecycle`).
        if servesNamespaces { try await NamespaceLifecycle(store: store).admit(request, info: info, resource: endpoint.resource) }
        return try await endpoint.serve(request, info: info)
    }

    private func discovery(_ request: HTTPRequest) throws(Status) -> HTTPResponse {
        let parts = request.pathSegments
        switch (parts.first ?? "", parts.count) {
        case ("healthz", 1), ("livez", 1), ("readyz", 1):
            return .text("ok")
        // kubectl asks for aggregated discovery first; answering with the legacy
        // documents as plain JSON makes it fall back to them (see `Discovery.swift`).
        case ("version", 1):
            return try APIResponse.object(Discovery.versionInfo())
        case ("api", 1):
            return try APIResponse.object(Discovery.apiVersions(of: resources, serverAddress: serverAddress))
        case ("api", 2) where Discovery.versions(ofGroup: "", in: resources).contains(parts[1]):
            return try APIResponse.object(Discovery.apiResourceList(groupVersion: parts[1], resources: resources))
        case ("apis", 1):
            return try APIResponse.object(Discovery.apiGroupList(of: resources))
        case ("apis", 2):
            guard let group = Discovery.apiGroup(parts[1], of: resources, standalone: true) else { break }
            return try APIResponse.object(group)
        case ("apis", 3) where Discovery.versions(ofGroup: parts[1], in: resources).contains(parts[2]):
            return try APIResponse.object(Discovery.apiResourceList(groupVersion: "\(parts[1])/\(parts[2])", resources: resources))
        case ("openapi", 2) where parts[1] == "v2":
            // client-go reads this document as protobuf; curl gets JSON.
            if Discovery.wantsOpenAPIv2Protobuf(accept: request.headers["Accept"] ?? "") {
                // Asked for with an `@` in the Accept header, but named with a `.` in the
                // answer, as Kubernetes does: Go's MIME parser refuses the `@`.
                return HTTPResponse(status: .ok, headers: ["Content-Type": "application/com.github.proto-openapi.spec.v2.v1.0+protobuf"],
                                    body: [UInt8](Discovery.openAPIv2Protobuf()))
            }
            return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], body: [UInt8](Discovery.openAPIv2()))
        case ("openapi", 2...) where parts[1] == "v3":
            // The index, then one document per group version (`Discovery+OpenAPIv3.swift`).
            let groupVersion = parts.dropFirst(2).joined(separator: "/")
            if groupVersion.isEmpty { return try APIResponse.object(Discovery.openAPIv3Index(of: resources)) }
            guard let document = Discovery.openAPIv3(groupVersion: groupVersion, resources: resources) else { break }
            return try APIResponse.object(document)
        default:
            break
        }
        throw Status.notFound(message: "the server could not find the requested resource")
    }

    /// Creates the namespaces every cluster starts with, unless they exist (storage is
    /// durable: an earlier run made them); nothing when namespaces are not served.
    func createInitialNamespaces() async {
        guard servesNamespaces else { return }
        let namespaces = RESTStorage<NamespaceStrategy>(store: store)
        for name in APIServer.initialNamespaces {
            var namespace = Namespace()
            namespace.metadata.name = name
            do {
                _ = try await namespaces.create(namespace, namespace: "")
            } catch where error.reason != .alreadyExists {
                logger.error("could not create a built-in namespace", ["name": name, "error": error.message])
            } catch {}
        }
    }
}

extension Status {
    /// A 404 with Kubernetes' generic words, for paths that name no resource.
    static func notFound(message: String) -> Status {
        var status = Status.notFound(GroupResource(resource: ""), name: "")
        status.message = message
        status.details = nil
        return status
    }
}
