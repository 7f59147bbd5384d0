// Stage 2 · APIServer: from a request to the code that answers it.

import API
import APIMachinery
import Common
import Foundation
import HTTP

/// Routes each request: health and discovery, or a resource's endpoint.
struct APIRouter: Sendable {
    let endpoints: [String: any ResourceEndpoint]
    let namespaces: RESTStorage<NamespaceRESTStrategy>
    let logs: PodLogProxy
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
        if info.resource == "pods" && info.subresource == "log" && info.verb == "get" {
            return try await logs.serve(request, info: info)
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
        // kubectl asks for aggregated discovery first; answering with the legacy
        // documents as plain JSON makes it fall back to them (see `Discovery.swift`).
        case "/version":
            return try APIResponse.object(Discovery.versionInfo())
        case "/api":
            return try APIResponse.object(Discovery.apiVersions(serverAddress: serverAddress))
        case "/api/v1":
            return try APIResponse.object(Discovery.apiResourceList(groupVersion: "v1", resources: ResourceDefinition.coreV1))
        case "/apis":
            return try APIResponse.object(Discovery.apiGroupList())
        case "/openapi/v2":
            // client-go reads this document as protobuf; curl gets JSON.
            if Discovery.wantsOpenAPIv2Protobuf(accept: request.headers["Accept"] ?? "") {
                // Asked for with an `@` in the Accept header, but named with a `.` in the
                // answer, as Kubernetes does: Go's MIME parser refuses the `@`.
                return HTTPResponse(status: .ok, headers: ["Content-Type": "application/com.github.proto-openapi.spec.v2.v1.0+protobuf"],
                                    body: [UInt8](Discovery.openAPIv2Protobuf()))
            }
            return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], body: [UInt8](Discovery.openAPIv2()))
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
