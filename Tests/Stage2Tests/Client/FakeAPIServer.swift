// Test support: a tiny API server that keeps objects in a dictionary.
//
// It speaks just enough of Kubernetes' REST layout for the client and the kubelet's
// stage 2 loops: get, list (with `fieldSelector=spec.nodeName=…` and `key=value` label
// selectors), create (AlreadyExists), update and `/status` update (Conflict on a stale
// resourceVersion), merge patch, delete. Objects are kept as JSON, so any kind works.
// Every request is recorded, so a test can check what was sent and await it with a deadline.

import API
import APIMachinery
import Common
import Foundation
import HTTP
import Synchronization
@testable import TestSupport

/// A fake API server on port 0 for the length of one test.
final class FakeAPIServer: Sendable {
    /// One request as the server saw it.
    struct Recorded: Sendable {
        var method: String
        var path: String
        var query: [String: String]
        var body: [UInt8]
        var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    /// Where an object is kept: resource, namespace ("" when cluster-scoped), name.
    struct Key: Hashable, Sendable {
        var resource: String
        var namespace: String
        var name: String
    }

    private struct State {
        var objects: [Key: JSONValue] = [:]
        var requests: [Recorded] = []
        var nextVersion = 1
        var conflictsToInject = 0
    }
    private let state = Mutex(State())
    let server: HTTPServer

    init() throws {
        let box = WeakBox()
        server = try HTTPServer(port: 0, logger: .silent) { request in box.value?.handle(request) ?? HTTPResponse(status: .internalServerError) }
        box.value = self
    }

    /// The URL clients use.
    var url: String { "http://127.0.0.1:\(server.port)" }

    /// Every request so far.
    var requests: [Recorded] { state.withLock { $0.requests } }

    /// Makes the next `count` PUTs fail with Conflict, as if someone else wrote first.
    func injectConflicts(_ count: Int) { state.withLock { $0.conflictsToInject = count } }

    /// The stored object at `key`, decoded.
    func object<T: Decodable>(_ type: T.Type, _ resource: String, namespace: String = "", name: String) -> T? {
        guard let value = state.withLock({ $0.objects[Key(resource: resource, namespace: namespace, name: name)] }) else { return nil }
        return try? value.decoded(as: T.self)
    }

    /// Stores `object` directly, as if someone else had created it.
    func put<T: Encodable>(_ object: T, _ resource: String, namespace: String = "", name: String) throws {
        var value = try JSONDecoder().decode(JSONValue.self, from: APIJSON.encode(object))
        state.withLock { state in
            value = Self.stamp(value, version: state.nextVersion, namespace: namespace, isNew: true)
            state.nextVersion += 1
            state.objects[Key(resource: resource, namespace: namespace, name: name)] = value
        }
    }

    // MARK: Handling

    private func handle(_ request: HTTPRequest) -> HTTPResponse {
        state.withLock { state in
            state.requests.append(Recorded(method: request.method, path: request.path, query: request.query, body: request.body))
            return Self.respond(to: request, in: &state)
        }
    }

    private static func respond(to request: HTTPRequest, in state: inout State) -> HTTPResponse {
        var segments = request.pathSegments
        guard segments.count >= 3, segments[0] == "api", segments[1] == "v1" else { return fail(.notFound(.pods, name: request.path)) }
        segments.removeFirst(2)
        var namespace = ""
        if segments[0] == "namespaces", segments.count >= 3 {
            namespace = segments[1]
            segments.removeFirst(2)
        }
        let resource = segments[0]
        let name = segments.count > 1 ? segments[1] : nil
        let subresource = segments.count > 2 ? segments[2] : nil
        let group = GroupResource(resource: resource)
        let body = (try? JSONDecoder().decode(JSONValue.self, from: Data(request.body))) ?? .null

        switch (request.method, name) {
        case ("GET", nil):
            var items = state.objects.filter { $0.key.resource == resource && (namespace.isEmpty || $0.key.namespace == namespace) }
                .sorted { ($0.key.namespace, $0.key.name) < ($1.key.namespace, $1.key.name) }.map(\.value)
            if let selector = request.query["fieldSelector"], selector.hasPrefix("spec.nodeName=") {
                let node = String(selector.dropFirst("spec.nodeName=".count))
                items = items.filter { $0["spec"]?["nodeName"]?.string == node }
            }
            if let selector = request.query["labelSelector"], let equals = selector.firstIndex(of: "=") {
                let (key, value) = (String(selector[..<equals]), String(selector[selector.index(after: equals)...]))
                items = items.filter { $0["metadata"]?["labels"]?[key]?.string == value }
            }
            let kind = resource.prefix(1).uppercased() + resource.dropFirst().dropLast() + "List"
            return ok(.object(["kind": .string(kind), "apiVersion": .string("v1"), "metadata": .object(["resourceVersion": .string(String(state.nextVersion))]), "items": .array(items)]))
        case ("GET", let name?):
            guard let object = state.objects[Key(resource: resource, namespace: namespace, name: name)] else { return fail(.notFound(group, name: name)) }
            return ok(object)
        case ("POST", nil):
            let name = body["metadata"]?["name"]?.string ?? ""
            let key = Key(resource: resource, namespace: namespace, name: name)
            guard state.objects[key] == nil else { return fail(.alreadyExists(group, name: name)) }
            let stored = stamp(body, version: state.nextVersion, namespace: namespace, isNew: true)
            state.nextVersion += 1
            state.objects[key] = stored
            return ok(stored, status: .created)
        case ("PUT", let name?):
            let key = Key(resource: resource, namespace: namespace, name: name)
            guard let old = state.objects[key] else { return fail(.notFound(group, name: name)) }
            let sent = body["metadata"]?["resourceVersion"]?.string ?? ""
            if state.conflictsToInject > 0 || (!sent.isEmpty && sent != old["metadata"]?["resourceVersion"]?.string) {
                state.conflictsToInject = max(0, state.conflictsToInject - 1)
                return fail(.conflict(group, name: name))
            }
            var new = subresource == "status" ? old.setting("status", to: body["status"] ?? .null) : body.setting("status", to: old["status"] ?? .null)
            new = new.setting("metadata", to: (new["metadata"] ?? .object([:])).setting("uid", to: old["metadata"]?["uid"] ?? .null))
            new = stamp(new, version: state.nextVersion, namespace: namespace, isNew: false)
            state.nextVersion += 1
            state.objects[key] = new
            return ok(new)
        case ("PATCH", let name?):
            let key = Key(resource: resource, namespace: namespace, name: name)
            guard let old = state.objects[key] else { return fail(.notFound(group, name: name)) }
            let new = stamp(MergePatch.apply(body, to: old), version: state.nextVersion, namespace: namespace, isNew: false)
            state.nextVersion += 1
            state.objects[key] = new
            return ok(new)
        case ("DELETE", let name?):
            let key = Key(resource: resource, namespace: namespace, name: name)
            guard state.objects.removeValue(forKey: key) != nil else { return fail(.notFound(group, name: name)) }
            return ok(try! JSONDecoder().decode(JSONValue.self, from: APIJSON.encode(Status.success(group, name: name))))
        default:
            return fail(.methodNotSupported(group, action: request.method))
        }
    }

    /// Sets the fields the server owns: resourceVersion, and on create uid and namespace.
    private static func stamp(_ object: JSONValue, version: Int, namespace: String, isNew: Bool) -> JSONValue {
        var metadata = object["metadata"] ?? .object([:])
        metadata = metadata.setting("resourceVersion", to: .string(String(version)))
        if isNew, metadata["uid"]?.string?.isEmpty ?? true { metadata = metadata.setting("uid", to: .string(UUID().uuidString.lowercased())) }
        if !namespace.isEmpty { metadata = metadata.setting("namespace", to: .string(namespace)) }
        return object.setting("metadata", to: metadata)
    }

    private static func ok(_ value: JSONValue, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, json: (try? APIJSON.encode(value)) ?? Data())
    }

    private static func fail(_ status: Status) -> HTTPResponse {
        HTTPResponse(status: HTTPStatus(code: Int(status.code), reason: status.reason.rawValue), json: (try? APIJSON.encode(status)) ?? Data())
    }
}

/// Lets the server's handler reach the fake without a reference cycle at init time.
private final class WeakBox: Sendable {
    private let reference = Mutex<FakeAPIServer?>(nil)
    var value: FakeAPIServer? {
        get { reference.withLock { $0 } }
        set { reference.withLock { $0 = newValue } }
    }
}

extension JSONValue {
    /// The member `key` of an object; nil otherwise.
    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    /// The string, if this is one.
    var string: String? {
        if case .string(let text) = self { text } else { nil }
    }

    /// This object with `key` set to `value`.
    func setting(_ key: String, to value: JSONValue) -> JSONValue {
        guard case .object(var members) = self else { return .object([key: value]) }
        members[key] = value
        return .object(members)
    }
}

/// Runs a fake API server for the length of `body`, then stops it.
func withFakeAPIServer(_ body: @escaping @Sendable (FakeAPIServer) async throws -> Void) async throws {
    let fake = try FakeAPIServer()
    try await withDeadline {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await fake.server.run() }
            try await body(fake)
            group.cancelAll()
            try await group.waitForAll()
        }
    }
}

