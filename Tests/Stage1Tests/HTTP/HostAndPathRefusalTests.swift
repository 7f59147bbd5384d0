// Tests of what a request must name and what its path may hold (issue 9): an HTTP/1.1
// request needs exactly one Host, and a path may not decode to NUL or to bytes that are
// not UTF-8. The parser answers each with 400 before any handler runs.

import Testing
@testable import HTTP

private func firstFailure(_ input: String) -> HTTPParseError? {
    var parser = HTTPRequestParser()
    return parser.parse(Array(input.utf8)).compactMap { if case .failure(let error) = $0 { error } else { nil } }.first
}

private func parsesAsARequest(_ input: String) -> Bool {
    var parser = HTTPRequestParser()
    return parser.parse(Array(input.utf8)).contains { if case .request = $0 { true } else { false } }
}

@Test func anHTTP11RequestWithoutHostIsRefused400() {
    let error = firstFailure("GET /pods HTTP/1.1\r\nAccept: */*\r\n\r\n")
    #expect(error == .missingHost)
    #expect(error?.status == .badRequest)
    #expect(error?.description == "missing required Host header")
}

@Test func anHTTP10RequestWithoutHostIsServed() {
    #expect(parsesAsARequest("GET /pods HTTP/1.0\r\n\r\n"))
}

@Test func twoHostFieldsAreRefused400() {
    #expect(firstFailure("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") == .multipleHosts)
    #expect(firstFailure("GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n") == .multipleHosts)
}

@Test(arguments: ["/pods%00", "/containerLogs/default/web%00.log/main", "/%FF", "/a%C3%28b", "/%ED%A0%80"])
func aPathThatDecodesToNULOrInvalidUTF8IsRefused400(path: String) {
    let error = firstFailure("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
    #expect(error == .invalidPath, "\(path)")
    #expect(error?.status == .badRequest)
}

@Test func encodedUTF8AndAnEncodedSlashInAPathAreServed() throws {
    #expect(parsesAsARequest("GET /caf%C3%A9 HTTP/1.1\r\nHost: x\r\n\r\n"))
    #expect(parsesAsARequest("GET /a%2Fb?q=%00 HTTP/1.1\r\nHost: x\r\n\r\n"))
    // The slash stays inside its segment: routing sees one name, not two segments.
    #expect(HTTPRequest(method: "GET", target: "/pods/a%2Fb").pathSegments == ["pods", "a/b"])
}

@Test func everyStatusTheServersSendHasGosReasonPhrase() {
    // The phrases Kubernetes' API server sends, which are Go's `http.StatusText`.
    let expected = [400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 408: "Request Timeout",
                    413: "Request Entity Too Large", 414: "Request URI Too Long", 422: "Unprocessable Entity",
                    429: "Too Many Requests", 431: "Request Header Fields Too Large", 500: "Internal Server Error",
                    503: "Service Unavailable", 505: "HTTP Version Not Supported"]
    for (code, phrase) in expected { #expect(HTTPStatus(code: code).reason == phrase, "\(code)") }
    for error: HTTPParseError in [.bodyTooLarge, .requestLineTooLong, .headerSectionTooLarge, .unsupportedVersion, .missingHost] {
        #expect(error.status.reason == HTTPStatus(code: error.status.code).reason, "\(error)")
    }
    #expect(HTTPStatus(code: 499).reason == "Client Error")
}
