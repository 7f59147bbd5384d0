// Stage 2 · APIServer: one resource's REST endpoint — verbs in, objects or Status out.
//
// The API server's router finds the resource a request names and hands the request
// here. This turns Kubernetes' verbs into calls on the resource's `RESTStorage`:
//
//   get → read one    list → read many (as a Table when kubectl asks for one)
//   create → POST     update → PUT      patch → PATCH      delete → DELETE
//   deletecollection → DELETE of the list (`RESTStorage+DeleteCollection.swift`)
//   list with ?limit (and ?continue) → one page of it (`ListPage.swift`)
//   watch → a stream of changes, from the `WatchSource` the composition root chose
//   …/{name}/{subresource} → the handler in the resource's table of subresources
//
// Bodies may be JSON or YAML; anything else is 415. Every failure is a `Status`.

import API
import APIMachinery
import ClusterKinds
import Foundation
import HTTP

/// A registered resource served over HTTP, whatever its Swift type.
protocol ResourceEndpoint: Sendable {
    var resource: Resource { get }
    /// Serves one request about this resource; failures are thrown as `Status`.
    func serve(_ request: HTTPRequest, info: RequestInfo) async throws(Status) -> HTTPResponse
}

/// The endpoint of `Strategy`'s resource: its storage, its subresources, and the watch.
struct RESTEndpoint<Strategy: RESTStrategy>: ResourceEndpoint {
    let storage: RESTStorage<Strategy>
    let subresources: [String: any Subresource<Strategy>]
    let watch: any WatchSource

    var resource: Resource { Strategy.Object.resource }

    func serve(_ request: HTTPRequest, info: RequestInfo) async throws(Status) -> HTTPResponse {
        // A large body is read, checked and stored off the shared pool (`LargeRequestExecutor`).
        guard LargeRequestExecutor.isLarge(request) else { return try await respond(to: request, info: info) }
        return try await withTaskExecutorPreference(LargeRequestExecutor.shared) { () async throws(Status) in
            try await respond(to: request, info: info)
        }
    }

    /// Serves `request` on whichever executor the task prefers.
    func respond(to request: HTTPRequest, info: RequestInfo) async throws(Status) -> HTTPResponse {
        if !info.subresource.isEmpty {
            guard let subresource = subresources[info.subresource] else {
                throw Status.notFound(GroupResource(group: resource.group, resource: "\(resource.plural)/\(info.subresource)"), name: info.name)
            }
            guard subresource.verbs.contains(info.verb) else { throw Status.noRoute }
            return try await subresource.serve(request, info: info, storage: storage)
        }
        // A method the path has no route for: PUT on a collection, POST on one object,
        // a verb the resource lacks (DELETE on the namespaces), as Kubernetes' router answers.
        let objectVerbs: Set<String> = ["get", "update", "patch", "delete"]
        guard objectVerbs.contains(info.verb) != info.name.isEmpty, Strategy.verbs.contains(info.verb) else { throw Status.noRoute }
        switch info.verb {
        case "get":
            let object = try await storage.get(namespace: info.namespace, name: info.name)
            // `kubectl get pod web` asks for a Table too: one row, with the list's columns,
            // at the object's resourceVersion, as Kubernetes answers a single object.
            if TableBuilder.wantsTable(accept: request.headers["Accept"] ?? "") {
                return try APIResponse.object(TableBuilder.table(
                    of: [object], strategy: Strategy.self, resourceVersion: object.metadata.resourceVersion,
                    includeObject: TableBuilder.includeObject(queryValue: request.query["includeObject"]) ?? .metadata))
            }
            return try APIResponse.object(object)
        case "list":
            let (labels, fields) = try RESTStorage<Strategy>.selectors(request.query)
            let namespace: String? = info.namespace.isEmpty ? nil : info.namespace
            let asTable = TableBuilder.wantsTable(accept: request.headers["Accept"] ?? "")
            // Plain JSON that no field selector looks into: the stored bytes, not decoded.
            if RESTStorage<Strategy>.canListFromStoredJSON(fields: fields, asTable: asTable) {
                let body = try await storage.listJSON(
                    namespace: namespace, labels: labels, page: ListPage(query: request.query),
                    // Stage 3 > the watch source may read the list, at a past revision
                    source: watch
                    // Stage 3 <
                )
                return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], body: body)
            }
            let (items, metadata) = try await storage.list(
                namespace: namespace, labels: labels, fields: fields, page: ListPage(query: request.query),
                // Stage 3 > the watch source may read the list, at a past revision
                source: watch
                // Stage 3 <
            )
            if asTable {
                var table = try TableBuilder.table(
                    of: items, strategy: Strategy.self, resourceVersion: metadata.resourceVersion,
                    includeObject: TableBuilder.includeObject(queryValue: request.query["includeObject"]) ?? .metadata)
                table.metadata = metadata
                return try APIResponse.object(table)
            }
            return try APIResponse.object(List(metadata: metadata, items: items))
        case "create":
            let dryRun = try DryRun.isRequested(by: request, options: "CreateOptions")
            let validation = try FieldValidation.requested(by: request, options: "CreateOptions")
            let body = try RequestBody(request)
            let value = body.value
            try RESTStorage<Strategy>.refuseUnsupportedValues(in: value) { Strategy.prepareForCreate(&$0) }
            let object = try body.decode(Strategy.Object.self)
            try RESTStorage<Strategy>.checkGroupVersion(of: object)
            let warnings = try validation.check(body, value: value, as: Strategy.Object.self)
            // Stage 4 > the scheduler's throughput: a create answers with the JSON it stored, its resourceVersion spliced in, as a watch event does, rather than encoding the object a second time
            if !dryRun {
                return try await APIResponse.warning(warnings) { () throws(Status) in
                    try await storage.createAnswer(object, namespace: info.namespace)
                }
            }
            // Stage 4 <
            return try await APIResponse.warning(warnings) { () throws(Status) in
                try APIResponse.object(await storage.create(object, namespace: info.namespace, dryRun: dryRun), status: .created)
            }
        case "update":
            return try await storage.serveUpdate(request, info: info, status: false)
        case "patch":
            return try await storage.servePatch(request, info: info, status: false)
        case "delete":
            var options = DeleteOptions()
            if !request.body.isEmpty { options = try RESTStorage<Strategy>.decodeBody(request) }
            if let text = request.query["gracePeriodSeconds"], let seconds = Int64(text) { options.gracePeriodSeconds = seconds }
            let dryRun = try DryRun.isRequested(by: request, options: "DeleteOptions", bodyDirectives: options.dryRun)
            return try APIResponse.object(await storage.delete(namespace: info.namespace, name: info.name, options: options, dryRun: dryRun))
        case "deletecollection":
            return try await storage.serveDeleteCollection(request, info: info)
        case "watch":
            return try serveWatch(request, info: info)
        default:
            throw Status.noRoute
        }
    }

    /// Streams the watch the request asks for, one JSON line an event, from `watch`.
    func serveWatch(_ request: HTTPRequest, info: RequestInfo) throws(Status) -> HTTPResponse {
        let query = request.query
        let (labels, fields) = try RESTStorage<Strategy>.selectors(query)
        let watchRequest = WatchRequest(
            namespace: info.namespace.isEmpty ? nil : info.namespace, labels: labels, fields: fields,
            resourceVersion: query["resourceVersion"] ?? "", allowsBookmarks: query["allowWatchBookmarks"] == "true", query: query)
        let timeout = query["timeoutSeconds"].flatMap(Int.init).map { Duration.seconds($0) } ?? WatchRequest.defaultTimeout
        let asTable = TableBuilder.wantsTable(accept: request.headers["Accept"] ?? "")
        let includeObject = TableBuilder.includeObject(queryValue: query["includeObject"]) ?? .metadata
        // Stage 3 > the source may refuse the watch before its answer starts (a resourceVersion that is not one)
        if let refusal = watch.refusal(of: watchRequest) { throw refusal }
        // Stage 3 <
        let (storage, watch) = (storage, watch)
        return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"]) { writer in
            let sink = WatchSink<Strategy>(
                timeout: timeout, asTable: asTable, includeObject: includeObject,
                isClientGone: { writer.isClientGone() }, write: { try await writer.write($0) })
            try await watch.watch(storage, watchRequest, into: sink)
        }
    }
}

extension RESTStorage {
    /// PUT of the object, or with `status` of its status alone.
    func serveUpdate(_ request: HTTPRequest, info: RequestInfo, status: Bool) async throws(Status) -> HTTPResponse {
        let dryRun = try DryRun.isRequested(by: request, options: "UpdateOptions")
        let validation = try FieldValidation.requested(by: request, options: "UpdateOptions")
        let body = try RequestBody(request)
        let value = body.value
        try Self.refuseUnsupportedValues(in: value) { _ in }
        let object = try body.decode(Object.self)
        try Self.checkGroupVersion(of: object)
        let warnings = try validation.check(body, value: value, as: Object.self)
        return try await APIResponse.warning(warnings) { () throws(Status) in
            try APIResponse.object(await update(object, namespace: info.namespace, name: info.name, status: status, dryRun: dryRun))
        }
    }

    /// PATCH of the object, or with `status` of its status alone; the Content-Type says which patch.
    func servePatch(_ request: HTTPRequest, info: RequestInfo, status: Bool) async throws(Status) -> HTTPResponse {
        guard let type = PatchType(rawValue: Self.mediaType(request)) else {
            throw Status.unsupportedMediaType(accepted: PatchType.allCases.map(\.rawValue))
        }
        let dryRun = try DryRun.isRequested(by: request, options: "PatchOptions")
        let validation = try FieldValidation.requested(by: request, options: "PatchOptions")
        // The patched object is what is checked: a patch's own directives ($patch, …) are gone by then.
        var warnings: [String] = []
        let patched: Object
        do {
            // Stage 4 > a patch that names no resourceVersion is tried again when another write came first, as Kubernetes' is: with several writers of one node (heartbeats, kubectl taint) none fails another
            func attempt() async throws(Status) -> Object {
                try await patch(
                    namespace: info.namespace, name: info.name, patch: Data(request.body), type: type, status: status, dryRun: dryRun,
                    checkFields: { (value) throws(Status) in
                        try Self.refuseUnsupportedValues(in: value) { _ in }
                        warnings = try validation.apply(FieldValidation.problems(in: value, as: Object.self)) { $0 }
                    })
            }
            patched = try await Self.retryingConflicts(unlessPatchNamesAVersion: request.body, attempt)
            // Stage 4 <
        } catch where !warnings.isEmpty {
            return APIResponse.failure(error).warning(warnings)
        }
        return try APIResponse.object(patched).warning(warnings)
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
                fields = try FieldSelector(parsing: text).checked(against: Strategy.selectableFieldNames, aliases: Strategy.fieldAliases)
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

    /// The request's body as an object, from JSON, YAML or (for a few kinds) protobuf;
    /// a 400 names what is wrong (`RequestBody`).
    static func decodeBody<T: Decodable>(_ request: HTTPRequest) throws(Status) -> T {
        try RequestBody(request).decode(T.self)
    }
}
