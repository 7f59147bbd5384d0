// Stage 2 · Client: typed calls to the API server, as every component makes them.
//
// In Kubernetes only the API server touches storage; the kubelet, the scheduler and the
// controllers read and write the cluster through a client (client-go's typed clientset).
// This is that client, over `HTTPClient`:
//
//     let client = try APIClient(server: "http://127.0.0.1:6443")
//     let pod = try await client.get(Pod.self, namespace: "default", name: "web")
//     let pods = try await client.list(Pod.self, fieldSelector: "spec.nodeName=node1")
//     try await client.updateStatus(podWithNewStatus)
//     try await client.delete(Pod.self, namespace: "default", name: "web",
//                             options: DeleteOptions(gracePeriodSeconds: 0))
//
// Every verb is one HTTP request: get/list GET, create POST, update PUT, updateStatus PUT
// on `/status`, patch PATCH with a JSON merge patch, delete DELETE with `DeleteOptions`
// in the body. A 2xx answer is decoded as the object; anything else throws
// `APIError.status` with the server's `Status`. The client holds no state but its
// connection pool, so a component copies it freely into each of its tasks.
// Stage 3 adds watch.

import API
import APIMachinery
import Foundation
import HTTP
import HTTPClient

/// The typed API client: how the kubelet (and later the scheduler and controllers) talk
/// to the API server. A value; copies share one connection pool.
public struct APIClient: Sendable {
    /// The media type of every body sent and accepted.
    public static let jsonContentType = "application/json"
    /// The media type of a JSON merge patch (RFC 7386), `kubectl patch --type merge`.
    public static let mergePatchContentType = "application/merge-patch+json"

    /// The transport; exposed so a component can close idle connections at shutdown.
    public let http: HTTPClient

    /// A client over an existing HTTP client.
    public init(http: HTTPClient) { self.http = http }

    /// A client for the API server at `server`, such as `http://127.0.0.1:6443`, that
    /// proves who it is with `token` when given (`Authorization: Bearer`).
    public init(server: String, timeout: Duration = HTTPClient.defaultTimeout, token: String? = nil) throws(APIError) {
        do {
            self.init(http: try HTTPClient(baseURL: server, timeout: timeout, bearerToken: token))
        } catch {
            throw .transport(error)
        }
    }

    // MARK: Reading

    /// Reads one object: `GET /api/v1/namespaces/{ns}/pods/{name}`. Throws NotFound if absent.
    public func get<Object: APIObject>(
        _ type: Object.Type, namespace: String = "", name: String
    ) async throws(APIError) -> Object {
        try await get(Object.self, path: Object.resource.path(namespace: namespace, name: name))
    }

    /// Reads whatever `path` holds (with its query), decoded as `type`: the escape hatch
    /// for URLs the typed calls do not cover.
    public func get<Value: Decodable>(_ type: Value.Type, path: String) async throws(APIError) -> Value {
        try await decode(Value.self, from: send("GET", path))
    }

    /// Lists objects, in one namespace or (with "") in all, filtered by Kubernetes' label
    /// and field selectors, such as `app=web` and `spec.nodeName=node1`.
    public func list<Object: APIObject>(
        _ type: Object.Type, namespace: String = "", labelSelector: String? = nil, fieldSelector: String? = nil
    ) async throws(APIError) -> List<Object> {
        var query: [String] = []
        if let labelSelector { query.append("labelSelector=\(Resource.escaped(labelSelector))") }
        if let fieldSelector { query.append("fieldSelector=\(Resource.escaped(fieldSelector))") }
        let path = Object.resource.path(namespace: namespace) + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        return try await get(List<Object>.self, path: path)
    }

    // MARK: Writing

    /// Creates `object` with `POST` to its collection (in its own namespace, `default` if
    /// it names none) and returns it as stored: with uid, resourceVersion, defaults.
    /// Throws AlreadyExists if the name is taken.
    @discardableResult
    public func create<Object: APIObject>(_ object: Object) async throws(APIError) -> Object {
        let path = Object.resource.path(namespace: Self.namespace(of: object))
        return try await decode(Object.self, from: send("POST", path, body: encoded(object)))
    }

    /// Replaces the object with `PUT`; its `metadata.resourceVersion` must be the stored
    /// one, else the server answers Conflict (optimistic concurrency). Status is ignored
    /// by the server here: use `updateStatus`.
    @discardableResult
    public func update<Object: APIObject>(_ object: Object) async throws(APIError) -> Object {
        try await put(object, subresource: nil)
    }

    /// Replaces the object's status with `PUT …/status`; its spec is ignored by the
    /// server. How the kubelet reports pod and node status.
    @discardableResult
    public func updateStatus<Object: APIObject>(_ object: Object) async throws(APIError) -> Object {
        try await put(object, subresource: "status")
    }

    /// Applies a JSON merge patch (RFC 7386) to one object, or to its `subresource`
    /// (`status`), and returns the result: only the fields in `patch` change, and a
    /// `null` removes one.
    @discardableResult
    public func patch<Object: APIObject>(
        _ type: Object.Type, namespace: String = "", name: String, mergePatch patch: some Encodable & Sendable,
        subresource: String? = nil
    ) async throws(APIError) -> Object {
        let path = Object.resource.path(namespace: namespace, name: name, subresource: subresource)
        let body = try encoded(patch)
        return try await decode(Object.self, from: send("PATCH", path, body: body, contentType: Self.mergePatchContentType))
    }

    /// Deletes one object with `DELETE`, sending `options` as the body: e.g.
    /// `gracePeriodSeconds: 0` for "gone now", or preconditions on uid. The server's
    /// answer (the object, or a Success status) is not needed by callers, so it is dropped.
    public func delete<Object: APIObject>(
        _ type: Object.Type, namespace: String = "", name: String, options: DeleteOptions = DeleteOptions()
    ) async throws(APIError) {
        let path = Object.resource.path(namespace: namespace, name: name)
        _ = try await send("DELETE", path, body: encoded(options))
    }

    // Stage 4 > the scheduler places a pod by creating its `binding` subresource, which no typed verb above reaches
    /// Creates `body` at one object's `subresource` with `POST`, as the scheduler creates
    /// `pods/{name}/binding`; the server's answer (a Success status) is dropped.
    public func create<Object: APIObject>(
        _ body: some Encodable & Sendable, subresource: String, of type: Object.Type, namespace: String = "", name: String
    ) async throws(APIError) {
        let path = Object.resource.path(namespace: namespace, name: name, subresource: subresource)
        _ = try await send("POST", path, body: encoded(body))
    }
    // Stage 4 <

    // MARK: The one request path

    private func put<Object: APIObject>(_ object: Object, subresource: String?) async throws(APIError) -> Object {
        let path = Object.resource.path(
            namespace: Self.namespace(of: object), name: object.metadata.name, subresource: subresource)
        return try await decode(Object.self, from: send("PUT", path, body: encoded(object)))
    }

    /// Sends one request and returns the response if it is a success; throws otherwise.
    private func send(
        _ method: String, _ path: String, body: [UInt8] = [], contentType: String = jsonContentType
    ) async throws(APIError) -> HTTPClientResponse {
        var headers: HTTPHeaders = ["Accept": Self.jsonContentType]
        if !body.isEmpty { headers.add(name: "Content-Type", value: contentType) }
        let response: HTTPClientResponse
        do {
            response = try await http.send(HTTPClientRequest(method: method, target: path, headers: headers, body: body))
        } catch let error as HTTPClientError {
            throw .transport(error)
        } catch {
            // `send` throws only HTTPClientError, or CancellationError when the caller's task ends.
            throw .transport(.connectionFailed(host: http.baseURL.host, port: http.baseURL.port, reason: "\(error)"))
        }
        guard (200..<300).contains(response.status.code) else { throw APIError.from(response) }
        return response
    }

    private func decode<Value: Decodable>(_ type: Value.Type, from response: HTTPClientResponse) throws(APIError) -> Value {
        do {
            return try APIJSON.decode(Value.self, from: response.data)
        } catch {
            throw .undecodable("\(Value.self): \(error)")
        }
    }

    private func encoded(_ value: some Encodable) throws(APIError) -> [UInt8] {
        do {
            return Array(try APIJSON.encode(value))
        } catch {
            throw .undecodable("cannot encode \(type(of: value)): \(error)")
        }
    }

    /// Where an object goes: its namespace, or `default` for a namespaced kind that names
    /// none (as kubectl does); "" for a cluster-scoped kind.
    static func namespace<Object: APIObject>(of object: Object) -> String {
        guard Object.resource.isNamespaced else { return "" }
        return object.metadata.namespace.isEmpty ? "default" : object.metadata.namespace
    }
}
