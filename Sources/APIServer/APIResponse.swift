// Stage 2 · APIServer: answers as Kubernetes sends them — JSON objects, and Status for errors.

import API
import APIMachinery
import Foundation
import HTTP

/// Builds the API server's HTTP answers.
enum APIResponse {
    /// `value` as JSON with `status` (200 unless said otherwise).
    static func object(_ value: some Encodable, status: HTTPStatus = .ok) throws(Status) -> HTTPResponse {
        do {
            let data = try APIJSON.encode(value)
            return HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: [UInt8](data))
        } catch {
            throw Status.internalError("cannot encode the answer: \(error)")
        }
    }

    /// A failure as a `Status` object, with the Status's own HTTP code (or `code` when given).
    static func failure(_ status: Status, code httpStatus: HTTPStatus? = nil) -> HTTPResponse {
        var status = status
        if let httpStatus { status.code = Int32(httpStatus.code) }
        let data = (try? APIJSON.encode(status)) ?? Data()
        let code = Int(status.code == 0 ? 500 : status.code)
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        // A Status that says when to retry says it in the header too, as Kubernetes' does.
        if let seconds = status.details?.retryAfterSeconds, seconds > 0 { headers.add(name: "Retry-After", value: String(seconds)) }
        // The status line takes HTTP's phrase for the code (`404 Not Found`); Kubernetes' reason
        // (`NotFound`) is the Status object's, in the body.
        return HTTPResponse(status: HTTPStatus(code: code), headers: headers, body: [UInt8](data))
    }
}
