// Stage 2 · APIServer: from a request to the code that answers it.

import API
import Common
import Foundation
import HTTP

/// Routes each request: health and discovery, or a resource's endpoint.
struct APIRouter: Sendable {
    let endpoints: [String: any ResourceEndpoint]
    let namespaces: RESTStorage<NamespaceRESTStrategy>
    let serverAddress: String
    let logger: Logger

    /// Answers one request; every failure becomes a Kubernetes `Status`.
    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let info = RequestInfo(method: request.method, path: request.path, isWatch: request.query["watch"] == "true")
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
        guard info.isResourceRequest else { return try discovery(request) }
        guard info.apiPrefix == "api", info.apiVersion == "v1", let endpoint = endpoints[info.resource] else {
            throw Status.notFound(message: "the server could not find the requested resource")
        }
        // Objects live in namespaces that must exist (Kubernetes' NamespaceLifecycle admission).
        if endpoint.definition.isNamespaced, info.verb == "create", !info.namespace.isEmpty {
            _ = try await namespaces.get(namespace: "", name: info.namespace)
        }
        return try await endpoint.serve(request, info: info)
    }

    private func discovery(_ request: HTTPRequest) throws(Status) -> HTTPResponse {
        switch request.path {
        case "/healthz", "/livez", "/readyz":
            return .text("ok")
        case "/version":
            return try APIResponse.object(DiscoveryDocuments.versionInfo())
        case "/api":
            return try APIResponse.object(DiscoveryDocuments.apiVersions(serverAddress: serverAddress))
        case "/api/v1":
            return try APIResponse.object(DiscoveryDocuments.coreResources(ResourceDefinition.coreV1))
        case "/apis":
            return try APIResponse.object(APIGroupList())
        case "/openapi/v2":
            return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], body: Array(DiscoveryDocuments.openAPIv2.utf8))
        default:
            throw Status.notFound(message: "the server could not find the requested resource")
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
