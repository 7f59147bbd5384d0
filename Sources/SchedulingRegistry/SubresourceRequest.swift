// Stage 4 · SchedulingRegistry: reading a subresource's request and writing its answer, as the API server does.
//
// Stage 2's API server keeps its request helpers to itself (they are internal to
// `APIServer`), so a subresource served from another module, such as `pods/binding`,
// reads its body and its `dryRun` and writes its answer with these few lines, which
// follow the same rules: a JSON body, `dryRun=All` the one directive, answers in JSON.

import API
import APIMachinery
import Foundation
import HTTP

/// The request and answer rules a stage-4 subresource shares with the API server's own.
enum SubresourceRequest {
    /// The one dry-run directive Kubernetes knows.
    static let dryRunAll = "All"

    /// The body decoded from JSON as `T`, or 400 with the decoder's reason.
    static func decodeJSON<T: Decodable>(_ request: HTTPRequest) throws(Status) -> T {
        do {
            return try APIJSON.decode(T.self, from: Data(request.body))
        } catch {
            throw Status.badRequest("the body of the request was in an unknown format: \(error)")
        }
    }

    /// Whether the request asks for a dry run; 422 for a directive other than `All`.
    static func isDryRun(_ request: HTTPRequest) throws(Status) -> Bool {
        let directives = request.queryItems.filter { $0.name == "dryRun" }.map(\.value)
        if let unknown = directives.first(where: { $0 != dryRunAll }) {
            throw Status.invalid(GroupKind(group: "meta.k8s.io", kind: "CreateOptions"), name: "", errors: [
                FieldError(.notSupported, "dryRun", value: unknown, "supported values: \"\(dryRunAll)\""),
            ])
        }
        return !directives.isEmpty
    }

    /// `value` as a JSON answer with `status`.
    static func object(_ value: some Encodable, status: HTTPStatus) throws(Status) -> HTTPResponse {
        do {
            return HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: [UInt8](try APIJSON.encode(value)))
        } catch {
            throw Status.internalError("cannot encode the answer: \(error)")
        }
    }
}
