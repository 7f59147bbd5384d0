// Stage 1 · HTTP: one complete request, as a handler receives it.
//
// The parser builds an `HTTPRequest` only when the request line, every header and the
// whole body have arrived and passed the limits, so a handler never sees half a request
// or a malformed one. The target is kept as sent; its decoded path and query are
// derived from it in `HTTPRequest+Target.swift`.

/// A parsed HTTP request, made by the parser and handed to the server's handler.
public struct HTTPRequest: Sendable {
    /// The method, such as `GET` or `POST`, exactly as sent (methods are case-sensitive).
    public var method: String
    /// The request target as sent, such as `/pods?watch=1`: still percent-encoded.
    public var target: String
    /// The HTTP version from the request line.
    public var version: HTTPVersion
    /// The header fields, in the order received.
    public var headers: HTTPHeaders
    /// The body bytes; empty when the request had none.
    public var body: [UInt8]
    /// The client's IP address, such as `127.0.0.1` (set by the server; "" when unknown),
    /// for a handler that trusts this machine's clients more than the network's.
    public var remoteAddress: String = ""

    /// A request from its parts; the parser uses it, and so may tests of a handler.
    public init(
        method: String,
        target: String,
        version: HTTPVersion = .http1_1,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        remoteAddress: String = ""
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// Whether the client wants the connection kept open after this request's response.
    ///
    /// HTTP/1.1 keeps it unless `Connection: close`; HTTP/1.0 closes it unless
    /// `Connection: keep-alive` (RFC 9112 §9.3).
    public var wantsKeepAlive: Bool {
        if headers.containsToken("close", in: "Connection") { return false }
        return version.isAtLeastHTTP1_1 || headers.containsToken("keep-alive", in: "Connection")
    }
}
