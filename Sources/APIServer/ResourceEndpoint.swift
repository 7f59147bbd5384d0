// Stage 2 · APIServer: one resource's REST endpoint — verbs in, objects or Status out.
//
// The API server's router finds the resource a request names and hands the request
// here. This turns Kubernetes' verbs into calls on the resource's `RESTStorage`:
//
//   get → read one    list → read many (as a Table when kubectl asks for one)
//   create → POST     update → PUT      patch → PATCH      delete → DELETE
//
// Bodies may be JSON or YAML; anything else is 415. Every failure is a `Status`.

import API
import APIMachinery
import ClusterKinds
import Foundation
import HTTP
import Manifests
import YAML

/// A resource served over HTTP, whatever its Swift type.
protocol ResourceEndpoint: Sendable {
    /// The resource this endpoint serves.
    var definition: ResourceDefinition { get }
    /// Serves one request about this resource; failures are thrown as `Status`.
    func serve(_ request: HTTPRequest, info: RequestInfo) async throws(Status) -> HTTPResponse
}

extension RESTStorage: ResourceEndpoint {
    func serve(_ request: HTTPRequest, info: RequestInfo) async throws(Status) -> HTTPResponse {
        let subresource = info.subresource
        guard subresource.isEmpty || definition.subresources[subresource] != nil else {
            throw Status.notFound(GroupResource(group: definition.group, resource: "\(definition.name)/\(subresource)"), name: info.name)
        }
        let isStatus = subresource == "status"
        switch info.verb {
        case "get":
            return try APIResponse.object(await get(namespace: info.namespace, name: info.name))
        case "list":
            let (labels, fields) = try Self.selectors(request.query)
            let namespace: String? = info.namespace.isEmpty ? nil : info.namespace
            let (items, version) = try await list(namespace: namespace, labels: labels, fields: fields)
            if TableBuilder.wantsTable(accept: request.headers["Accept"] ?? "") {
                return try APIResponse.object(table(items, resourceVersion: version, include: request.query["includeObject"]))
            }
            return try APIResponse.object(ObjectList(kind: definition.listKind, apiVersion: definition.groupVersion,
                                                     resourceVersion: version, items: items))
        case "create":
            let object: Object = try Self.decodeBody(request)
            return try APIResponse.object(await create(object, namespace: info.namespace), status: .created)
        case "update":
            let object: Object = try Self.decodeBody(request)
            return try APIResponse.object(await update(object, namespace: info.namespace, name: info.name, status: isStatus))
        case "patch":
            let contentType = Self.mediaType(request)
            guard let type = PatchType(rawValue: contentType) else {
                throw Status.unsupportedMediaType(accepted: PatchType.allCases.map(\.rawValue))
            }
            let patched = try await patch(namespace: info.namespace, name: info.name, patch: Data(request.body), type: type, status: isStatus)
            return try APIResponse.object(patched)
        case "delete":
            var options = DeleteOptions()
            if !request.body.isEmpty { options = try Self.decodeBody(request) }
            if let text = request.query["gracePeriodSeconds"], let seconds = Int64(text) { options.gracePeriodSeconds = seconds }
            return try APIResponse.object(await delete(namespace: info.namespace, name: info.name, options: options))
        case "watch":
            let (labels, fields) = try Self.selectors(request.query)
            let asTable = TableBuilder.wantsTable(accept: request.headers["Accept"] ?? "")
            return pollingWatch(namespace: info.namespace.isEmpty ? nil : info.namespace, labels: labels, fields: fields,
                                query: request.query, asTable: asTable)
        default:
            throw Status.methodNotSupported(GroupResource(group: definition.group, resource: definition.name), action: info.verb)
        }
    }

    /// The rows of `kubectl get`, each with the object's metadata as kubectl expects.
    func table(_ items: [Object], resourceVersion: String, include: String?) throws(Status) -> Table {
        let now = Time.now()
        var rows: [TableRow] = []
        for item in items {
            let object: JSONValue
            do {
                switch include ?? "Metadata" {
                case "None": object = .null
                case "Object": object = try JSONValue(encoding: item)
                default: object = try JSONValue(encoding: PartialObjectMetadata(metadata: item.metadata))
                }
            } catch {
                throw Status.internalError("cannot encode a table row: \(error)")
            }
            rows.append(TableRow(cells: Strategy.cells(item, now: now).map { .string($0) }, object: object))
        }
        var metadata = ListMeta()
        metadata.resourceVersion = resourceVersion
        return Table(metadata: metadata, columnDefinitions: Strategy.columns, rows: rows)
    }

    /// The request's `labelSelector` and `fieldSelector`, checked against what this resource supports.
    static func selectors(_ query: [String: String]) throws(Status) -> (LabelSelector, FieldSelector) {
        var labels = LabelSelector.everything
        var fields = FieldSelector.everything
        do {
            if let text = query["labelSelector"] { labels = try LabelSelector(parsing: text) }
        } catch {
            throw Status.badRequest(error.message)
        }
        do {
            if let text = query["fieldSelector"] {
                fields = try FieldSelector(parsing: text)
                    .checked(against: Strategy.selectableFieldNames, aliases: Strategy.definition.name == "pods" ? FieldSelector.podFieldAliases : [:])
            }
        } catch {
            throw Status.badRequest(error.message)
        }
        return (labels, fields)
    }

    /// The request's media type, without parameters such as `charset`.
    static func mediaType(_ request: HTTPRequest) -> String {
        (request.headers["Content-Type"] ?? "application/json")
            .split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    /// The request's body as an object, from JSON or YAML; a 400 names what is wrong.
    static func decodeBody<T: Decodable>(_ request: HTTPRequest) throws(Status) -> T {
        let type = mediaType(request)
        if type == ProtobufNamespace.mediaType, T.self == Namespace.self, let namespace = ProtobufNamespace.decode(request.body) {
            return namespace as! T  // T is Namespace: checked just above.
        }
        guard type == "application/json" || type == "application/yaml" || type == "*/*" else {
            throw Status.unsupportedMediaType(accepted: ["application/json", "application/yaml"])
        }
        guard !request.body.isEmpty else { throw Status.badRequest("the request has no body") }
        let text = String(decoding: request.body, as: UTF8.self)
        do {
            guard let document = try Manifest.decodeDocuments(T.self, yaml: text).first else {
                throw Status.badRequest("the request body holds no object")
            }
            return document
        } catch let error as ManifestError {
            throw Status.badRequest("the request body is not a valid object: \(error)")
        } catch let status as Status {
            throw status
        } catch {
            throw Status.badRequest("\(error)")
        }
    }
}

/// A list of objects, as Kubernetes' `PodList`, `NodeList`…
struct ObjectList<Item: Encodable & Sendable>: Encodable, Sendable {
    let kind: String
    let apiVersion: String
    let resourceVersion: String
    let items: [Item]

    enum CodingKeys: String, CodingKey { case kind, apiVersion, metadata, items }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(apiVersion, forKey: .apiVersion)
        var metadata = ListMeta()
        metadata.resourceVersion = resourceVersion
        try container.encode(metadata, forKey: .metadata)
        try container.encode(items, forKey: .items)
    }
}
