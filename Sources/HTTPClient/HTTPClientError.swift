// Stage 2 · HTTPClient: why a request from the cluster's HTTP client failed.
//
// A component that talks to the API server must tell apart failures it should retry
// (the server is not up yet: refused; it is overloaded: timed out) from those it should
// not (a malformed URL in its flags). So each failure is its own case, and each message
// says what happened and to what address, for a log line a learner can act on.

/// A failure of `HTTPClient`, thrown by `send`, `stream`, and `HTTPURL`'s parser.
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL is not `http://host[:port][/path][?query]`.
    case invalidURL(String, reason: String)
    /// The URL's scheme is not `http` (this client speaks no TLS).
    case unsupportedScheme(String)
    /// The request cannot be written: a method, path or header with forbidden bytes.
    case invalidRequest(String)
    /// Nothing listens at the address (the server is not up, or not there).
    case connectionRefused(host: String, port: Int)
    /// The connection could not be made for another reason (no route, unknown host, …).
    case connectionFailed(host: String, port: Int, reason: String)
    /// The whole exchange took longer than the request's timeout.
    case timedOut(after: Duration)
    /// The server closed the connection before the response was complete.
    case connectionClosed
    /// The server's response is not valid HTTP/1.x.
    case malformedResponse(String)
    /// The response's head or body is larger than the client accepts.
    case responseTooLarge

    /// One line for a log: what failed, and where.
    public var description: String {
        switch self {
        case .invalidURL(let url, let reason): "invalid URL \(url): \(reason)"
        case .unsupportedScheme(let scheme): "unsupported URL scheme \(scheme): only http:// is spoken here (no TLS)"
        case .invalidRequest(let reason): "invalid request: \(reason)"
        case .connectionRefused(let host, let port): "connection refused by \(host):\(port): is the server running?"
        case .connectionFailed(let host, let port, let reason): "cannot connect to \(host):\(port): \(reason)"
        case .timedOut(let after): "request timed out after \(after)"
        case .connectionClosed: "server closed the connection before the response was complete"
        case .malformedResponse(let reason): "malformed response: \(reason)"
        case .responseTooLarge: "response too large"
        }
    }
}
