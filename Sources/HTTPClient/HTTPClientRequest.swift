// Stage 2 · HTTPClient: one request as a component hands it to `HTTPClient`.
//
// The caller says what it wants (method, target, headers, body); the client adds what the
// wire needs: `Host`, and `Content-Length` for a body. A request is checked before a byte
// is sent, so a pod name with a space or a header value with a line break becomes a clear
// error here instead of a request the server cannot parse (or, worse, a second request
// smuggled inside the first).

import HTTP

/// An HTTP request to send with `HTTPClient`, made by the cluster's components and tests.
public struct HTTPClientRequest: Sendable {
    /// The method, such as `GET` or `PATCH`; any token is allowed.
    public var method: String
    /// The path and query, percent-encoded, such as `/api/v1/namespaces/default/pods?watch=1`.
    public var target: String
    /// Header fields to send; `Host`, `Content-Length` and `Transfer-Encoding` are set by the client.
    public var headers: HTTPHeaders
    /// The body; empty for none.
    public var body: [UInt8]
    /// How long the exchange may take; nil takes the client's default.
    public var timeout: Duration?

    public init(
        method: String = "GET",
        target: String = "/",
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        timeout: Duration? = nil
    ) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// Methods that may be sent twice with the effect of once (RFC 9110 §9.2.2): only
    /// these are retried on a fresh connection when a kept-alive one turns out to be dead.
    static let idempotentMethods: Set<String> = ["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"]

    /// Methods whose requests carry a body by definition, and so say `Content-Length: 0` when empty.
    static let methodsWithBody: Set<String> = ["POST", "PUT", "PATCH"]

    /// Whether resending this request after a failure cannot do harm.
    var isIdempotent: Bool { Self.idempotentMethods.contains(method) }

    /// The request as bytes on the wire, for the server at `authority`; throws for forbidden bytes.
    func encoded(authority: String) throws(HTTPClientError) -> [UInt8] {
        guard !method.isEmpty, method.utf8.allSatisfy(HTTPRequestParser.isTokenByte) else {
            throw .invalidRequest("method \(method) is not a token")
        }
        guard target.first == "/", target.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw .invalidRequest("target \(target) must start with / and be percent-encoded ASCII")
        }
        var fields = headers
        for name in ["Host", "Content-Length", "Transfer-Encoding"] { fields.remove(name) }
        fields.add(name: "Host", value: authority)
        if !body.isEmpty || Self.methodsWithBody.contains(method) {
            fields.add(name: "Content-Length", value: String(body.count))
        }
        var text = "\(method) \(target) HTTP/1.1\r\n"
        for field in fields {
            guard !field.name.isEmpty, field.name.utf8.allSatisfy(HTTPRequestParser.isTokenByte),
                  field.value.utf8.allSatisfy(HTTPRequestParser.isFieldValueByte) else {
                throw .invalidRequest("header \(field.name) has a forbidden name or value")
            }
            text += "\(field.name): \(field.value)\r\n"
        }
        text += "\r\n"
        return Array(text.utf8) + body
    }
}
