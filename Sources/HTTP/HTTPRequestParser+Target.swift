// Stage 1 · HTTP: what a request must name, and what its path may hold.
//
// Two checks a handler should never have to make, so the parser makes them and answers
// 400 itself:
//
//   - **Host.** RFC 9112 §3.2: a server must answer 400 to an HTTP/1.1 request with no
//     `Host` field, or with more than one. Go's server does, with the words used here.
//     (HTTP/1.0 had no Host field; its requests are taken without one.)
//   - **The path's bytes.** A path arrives percent-encoded, and `%00` or `%FF` decode to
//     a NUL byte or to bytes that are not UTF-8. Neither can be part of any name the
//     cluster serves, and both are the raw material of attacks: a NUL ends a string in
//     C (so a file path built from it may stop early), and invalid UTF-8 is replaced by
//     U+FFFD when decoded, so two different targets would name the same object. Refused
//     here, they never reach routing. Each segment is decoded separately when routing
//     (`pathSegments`), so `%2F` stays inside its segment; it is allowed.

extension HTTPRequestParser {
    /// Refuses a request whose path decodes to a NUL byte or to bytes that are not UTF-8.
    static func checkPath(of request: HTTPRequest) throws(HTTPParseError) {
        let decoded = HTTPRequest.percentDecodedBytes(request.rawPath, plusIsSpace: false)
        guard !decoded.contains(0), String(validating: decoded, as: UTF8.self) != nil else { throw .invalidPath }
    }

    /// Refuses an HTTP/1.1 request without exactly one `Host` field, at the end of its head.
    func checkHost() throws(HTTPParseError) {
        let count = request.headers.values(for: "Host").count
        if count > 1 { throw .multipleHosts }
        if count == 0 && request.version.isAtLeastHTTP1_1 { throw .missingHost }
    }
}
