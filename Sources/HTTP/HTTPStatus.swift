// Stage 1 · HTTP: response status codes and their reason phrases.
//
// A status is a number a client acts on and a phrase a human reads. The constants below
// are the ones the cluster's servers send; a handler may make any other with
// `HTTPStatus(code:)` (its phrase from HTTPStatus+ReasonPhrases.swift). Two statuses are
// equal when their codes are.

/// A response status, chosen by a handler or by the server for a request it rejects.
public struct HTTPStatus: Sendable, Hashable, CustomStringConvertible {
    /// The three-digit code, such as 404.
    public let code: Int
    /// The reason phrase sent after the code, such as `Not Found`.
    public let reason: String

    public init(code: Int, reason: String) {
        self.code = code
        self.reason = reason
    }

    /// Statuses are equal when their codes are; the phrase is only for humans.
    public static func == (a: HTTPStatus, b: HTTPStatus) -> Bool { a.code == b.code }
    /// Hashes the code alone, to agree with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// The status line's tail, such as `404 Not Found`.
    public var description: String { "\(code) \(reason)" }

    /// Whether a response with this status may carry a body (RFC 9110: not 1xx, 204 or 304).
    public var allowsBody: Bool { !(100..<200).contains(code) && code != 204 && code != 304 }

    public static let ok = HTTPStatus(code: 200, reason: "OK")
    /// 201: a resource was created (the API server's answer to a POST).
    public static let created = HTTPStatus(code: 201, reason: "Created")
    public static let noContent = HTTPStatus(code: 204, reason: "No Content")
    public static let badRequest = HTTPStatus(code: 400, reason: "Bad Request")
    /// 404: nothing is served at this path.
    public static let notFound = HTTPStatus(code: 404, reason: "Not Found")
    /// 405: the path exists but not for this method.
    public static let methodNotAllowed = HTTPStatus(code: 405, reason: "Method Not Allowed")
    /// 409: the request conflicts with the current state (an object that already exists).
    public static let conflict = HTTPStatus(code: 409, reason: "Conflict")
    public static let payloadTooLarge = HTTPStatus(code: 413, reason: "Request Entity Too Large")
    public static let uriTooLong = HTTPStatus(code: 414, reason: "Request URI Too Long")
    /// 422: the body is well-formed but invalid (Kubernetes' answer to a failed validation).
    public static let unprocessableEntity = HTTPStatus(code: 422, reason: "Unprocessable Entity")
    public static let requestHeaderFieldsTooLarge = HTTPStatus(code: 431, reason: "Request Header Fields Too Large")
    public static let internalServerError = HTTPStatus(code: 500, reason: "Internal Server Error")
    public static let notImplemented = HTTPStatus(code: 501, reason: "Not Implemented")
    /// 503: the server cannot take this request now (too many connections).
    public static let serviceUnavailable = HTTPStatus(code: 503, reason: "Service Unavailable")
    /// 505: the request's major HTTP version is not 1.
    public static let httpVersionNotSupported = HTTPStatus(code: 505, reason: "HTTP Version Not Supported")
}
