// Stage 2 · APIServer: DELETE on a collection (`deletecollection`): delete what a selector picks.
//
//   DELETE /api/v1/namespaces/default/pods?labelSelector=app=web
//
// deletes, one by one, every pod of `default` labelled `app=web` (every pod without a
// selector), each exactly as its own DELETE would: a running pod is only marked and gets
// its grace period, `dryRun=All` changes nothing. The body and query carry the same
// `DeleteOptions` as a single delete. The answer is the list of what was deleted, each
// object as the delete left it, as Kubernetes answers. An object that is already gone
// by the time its turn comes (someone else deleted it) is skipped, not an error.
// The Python client's `delete_collection_namespaced_pod` calls this; `kubectl delete
// pods --all` does not: it lists, then deletes each pod by name.

import API
import APIMachinery
import HTTP

extension RESTStorage {
    /// Serves a `deletecollection` request: the selectors of the query, the options of
    /// the body and query, applied to each object of the list.
    func serveDeleteCollection(_ request: HTTPRequest, info: RequestInfo) async throws(Status) -> HTTPResponse {
        let options = try Self.deleteOptions(request)
        let dryRun = try DryRun.isRequested(by: request, options: "DeleteOptions", bodyDirectives: options.dryRun)
        let (labels, fields) = try Self.selectors(request.query)
        let (items, metadata) = try await list(
            namespace: info.namespace.isEmpty ? nil : info.namespace, labels: labels, fields: fields, page: ListPage(limit: nil))
        var deleted: [Object] = []
        for object in items {
            do {
                deleted.append(try await delete(
                    namespace: object.metadata.namespace, name: object.metadata.name, options: options, dryRun: dryRun))
            } catch where error.reason == .notFound {
                continue
            }
        }
        return try APIResponse.object(List(metadata: ListMeta(resourceVersion: metadata.resourceVersion), items: deleted))
    }

    /// The `DeleteOptions` of a delete: the body's, with `gracePeriodSeconds` from the query
    /// (read as a single delete reads them, in `RESTEndpoint`).
    static func deleteOptions(_ request: HTTPRequest) throws(Status) -> DeleteOptions {
        var options = DeleteOptions()
        if !request.body.isEmpty { options = try decodeBody(request) }
        if let text = request.query["gracePeriodSeconds"], let seconds = Int64(text) { options.gracePeriodSeconds = seconds }
        return options
    }
}
