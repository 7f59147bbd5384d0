// Stage 2 · Client: why a call to the API server failed.
//
// Two kinds of failure need different handling by a component:
//   - the server answered, with an error `Status` (NotFound, AlreadyExists, Conflict,
//     Invalid…): the component decides from the reason, e.g. create-or-update on
//     AlreadyExists, re-read and retry on Conflict;
//   - no answer at all (refused, timed out): the server is down or far; try again later.
// A third, rarer case is an answer the client cannot read (not the JSON it expected).
//
// An error answer that is not a `Status` (a proxy's HTML page, a plain-text 404) is
// turned into one, with the HTTP code and the text as its message, so that callers
// always have a code and a reason to look at, as client-go does.

import API
import APIMachinery
import HTTP
import HTTPClient

/// A failed `APIClient` call; thrown to every component that talks to the API server.
public enum APIError: Error, Sendable, CustomStringConvertible {
    /// The server refused the request with this `Status`.
    case status(Status)
    /// The request never got an answer: `HTTPClient`'s reason.
    case transport(HTTPClientError)
    /// The answer was not what was asked for (not JSON, or not that kind of object).
    case undecodable(String)

    /// The server's `Status`, when it answered with one.
    public var status: Status? {
        if case .status(let status) = self { status } else { nil }
    }

    /// The object does not exist (404 NotFound).
    ///
    /// As apimachinery's `IsNotFound`: the reason says so, or, when the server gave no
    /// reason, the code does.
    public var isNotFound: Bool { has(.notFound, orCodeWithoutReason: 404) }
    /// A create found the name taken (409 AlreadyExists); only the reason tells it apart
    /// from a Conflict, which has the same code.
    public var isAlreadyExists: Bool { status?.reason == .alreadyExists }
    /// A write was made against a stale resourceVersion (409 Conflict): re-read and retry.
    public var isConflict: Bool { has(.conflict, orCodeWithoutReason: 409) }

    private func has(_ reason: StatusReason, orCodeWithoutReason code: Int32) -> Bool {
        guard let status else { return false }
        return status.reason == reason || (status.reason == .unknown && status.code == code)
    }

    /// One line for a log.
    public var description: String {
        switch self {
        case .status(let status): "\(status.reason.rawValue.isEmpty ? "Error" : status.reason.rawValue) (\(status.code)): \(status.message)"
        case .transport(let error): "\(error)"
        case .undecodable(let reason): "cannot read the API server's answer: \(reason)"
        }
    }

    /// The error an unsuccessful response stands for: its `Status` if it has one, else
    /// a `Status` made from its code and text.
    static func from(_ response: HTTPClientResponse) -> APIError {
        if let status = try? APIJSON.decode(Status.self, from: response.data), status.kind == "Status" {
            var status = status
            if status.code == 0 { status.code = Int32(response.status.code) }
            return .status(status)
        }
        let message = response.text.isEmpty ? response.status.reason : response.text
        return .status(Status(status: .failure, message: message, code: Int32(response.status.code)))
    }
}

// Stage 3 > a watch reads its answer as a stream, so its error answer is read apart: the same Status either way
extension APIError {
    /// The error a non-2xx answer stands for, as every other call reports it.
    package static func fromAnswer(_ response: HTTPClientResponse) -> APIError { from(response) }
}
// Stage 3 <
