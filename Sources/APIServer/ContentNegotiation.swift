// Stage 2 · APIServer: whether the API server can answer in a type the client accepts.
//
// A client says what it can read in its `Accept` header: kubectl sends
// `application/json;as=Table;…,application/json`, the Python client `application/json`,
// curl `*/*`. This API server writes JSON only (Kubernetes also writes YAML and
// protobuf). When nothing in the header allows JSON, as for a browser's `text/html`
// alone, Kubernetes does not send something else anyway: it answers 406 Not Acceptable,
// naming the types it can produce:
//
//   only the following media types are accepted: application/json
//
// The check covers the resource paths and the API's discovery documents; the log
// subresource (plain text), `/openapi` (its own types) and health checks are left alone.

import APIMachinery
import Foundation
import HTTP

enum ContentNegotiation {
    /// What this API server's answers are written in.
    static let producedMediaTypes = ["application/json"]

    /// Throws 406 when `request` is one the check covers and its `Accept` allows no type we produce.
    static func check(_ request: HTTPRequest, info: RequestInfo) throws(Status) {
        let isCovered = info.isResourceRequest ? info.subresource != "log" : RequestInfo.apiPrefixes.contains(
            request.path.split(separator: "/").first.map(String.init) ?? "")
        guard isCovered, let accept = request.headers["Accept"], !accepts(accept) else { return }
        throw Status.notAcceptable(accepted: producedMediaTypes)
    }

    /// Whether any media range of an `Accept` header allows JSON; an empty header allows anything.
    static func accepts(_ accept: String) -> Bool {
        let ranges = accept.split(separator: ",").map {
            ($0.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        }.filter { !$0.isEmpty }
        return ranges.isEmpty || ranges.contains { ["*/*", "application/*"].contains($0) || producedMediaTypes.contains($0) }
    }
}
