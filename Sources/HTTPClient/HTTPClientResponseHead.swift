// Stage 2 · HTTPClient: a response's status line and headers, as the client received them.
//
// `HTTPClient.stream` hands the head over as soon as it has arrived, before any of the
// body, so a watcher knows the server accepted the watch (200) or refused it (a 4xx with
// a `Status` body) before waiting on events.

import HTTP

/// The status, version and headers of a response; read by `HTTPResponseParser`.
public struct HTTPClientResponseHead: Sendable {
    public var status: HTTPStatus
    public var version: HTTPVersion
    /// The header fields, in the order received.
    public var headers: HTTPHeaders

    /// A head from its parts; the parser makes them, tests may too.
    public init(status: HTTPStatus, version: HTTPVersion = .http1_1, headers: HTTPHeaders = [:]) {
        self.status = status
        self.version = version
        self.headers = headers
    }

    /// Whether the server lets the connection carry another request after this response
    /// (its body framing aside): HTTP/1.1 unless `Connection: close`, HTTP/1.0 only if asked.
    public var allowsKeepAlive: Bool {
        if headers.containsToken("close", in: "Connection") { return false }
        return version.isAtLeastHTTP1_1 || headers.containsToken("keep-alive", in: "Connection")
    }
}
