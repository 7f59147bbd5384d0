// Stage 1 · HTTP: a response's status line and headers as bytes on the wire.
//
// The head is text: `HTTP/1.1 200 OK`, one `Name: value` line per field, then an empty
// line. We always answer as HTTP/1.1, the highest version we speak (RFC 9110 §6.2),
// even to an HTTP/1.0 client; the connection has already chosen framing it understands.
// A handler could put a line break into a header value (say, from a pod's name); it is
// replaced by a space so the value cannot end the head early and inject a second one
// ("response splitting").

extension HTTPResponse {
    /// The status line and header section, ending with the blank line.
    static func encodeHead(status: HTTPStatus, headers: HTTPHeaders) -> [UInt8] {
        var text = "HTTP/1.1 \(status.code) \(sanitized(status.reason))\r\n"
        for field in headers {
            text += "\(sanitized(field.name)): \(sanitized(field.value))\r\n"
        }
        text += "\r\n"
        return Array(text.utf8)
    }

    /// The bytes a refused request gets: status, plain-text reason, and `Connection: close`.
    static func encodeRefusal(_ error: HTTPParseError) -> [UInt8] {
        encodeRefusal(status: error.status, message: error.description)
    }

    /// A complete plain-text response that closes the connection.
    static func encodeRefusal(status: HTTPStatus, message: String) -> [UInt8] {
        let body = Array((message + "\n").utf8)
        let headers: HTTPHeaders = [
            "Content-Type": textContentType,
            "Content-Length": String(body.count),
            "Connection": "close",
        ]
        return encodeHead(status: status, headers: headers) + body
    }

    /// The text with CR and LF replaced by spaces, so it stays on its line.
    private static func sanitized(_ text: String) -> String {
        guard text.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return String(text.map { $0 == "\r" || $0 == "\n" || $0 == "\r\n" ? " " : $0 })
    }
}
