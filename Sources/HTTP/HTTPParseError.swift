// Stage 1 · HTTP: why the parser refused a request, and what the server answers.
//
// Each way a request can be unacceptable maps to one status code, so the server can
// answer it without the handler ever seeing the request, and then close the connection:
// after a framing error, the server cannot know where the next request would start.

/// A reason the parser rejected a request; the server turns it into a response and closes.
public enum HTTPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request line is not `METHOD SP target SP HTTP/x.y`.
    case malformedRequestLine
    case requestLineTooLong
    /// The version is not HTTP/1.x.
    case unsupportedVersion
    /// A header line is not `name: value`, or holds forbidden bytes.
    case malformedHeader
    case headerSectionTooLarge
    case tooManyHeaders
    /// `Content-Length` is not a number, or two of them disagree.
    case invalidContentLength
    case bodyTooLarge
    /// The request uses a `Transfer-Encoding` this server does not decode.
    case unsupportedTransferEncoding
    // Chunked request bodies, and two ways to get them wrong: see HTTPRequestParser+Chunked.swift.
    /// A chunked body's framing is broken: a chunk size that is not hexadecimal, or a
    /// chunk not followed by its line ending.
    case invalidChunkedBody
    /// `Transfer-Encoding` together with `Content-Length`, or in an HTTP/1.0 request: two
    /// parsers could disagree on where the body ends (request smuggling), so it is refused.
    case ambiguousBodyFraming
    // What a request must say, and what its target may hold: see HTTPRequestParser+Target.swift.
    /// An HTTP/1.1 request without a `Host` field (RFC 9112 §3.2 requires one).
    case missingHost
    /// More than one `Host` field: which one names the server is ambiguous.
    case multipleHosts
    /// The target's path decodes to a NUL byte or to bytes that are not UTF-8.
    case invalidPath

    /// The status the server answers with.
    public var status: HTTPStatus {
        switch self {
        case .malformedRequestLine, .malformedHeader, .invalidContentLength: .badRequest
        case .invalidChunkedBody, .ambiguousBodyFraming: .badRequest
        case .missingHost, .multipleHosts, .invalidPath: .badRequest
        case .requestLineTooLong: .uriTooLong
        case .unsupportedVersion: .httpVersionNotSupported
        case .headerSectionTooLarge, .tooManyHeaders: .requestHeaderFieldsTooLarge
        case .bodyTooLarge: .payloadTooLarge
        case .unsupportedTransferEncoding: .notImplemented
        }
    }

    /// The plain-text explanation sent as the response body.
    public var description: String {
        switch self {
        case .malformedRequestLine: "malformed request line"
        case .requestLineTooLong: "request line too long"
        case .unsupportedVersion: "only HTTP/1.0 and HTTP/1.1 are supported"
        case .malformedHeader: "malformed header field"
        case .headerSectionTooLarge: "header section too large"
        case .tooManyHeaders: "too many header fields"
        case .invalidContentLength: "invalid Content-Length"
        case .bodyTooLarge: "request body too large"
        case .unsupportedTransferEncoding: "Transfer-Encoding is not supported; send Content-Length"
        case .invalidChunkedBody: "malformed chunked body"
        case .ambiguousBodyFraming: "Transfer-Encoding is not allowed with Content-Length or in HTTP/1.0"
        case .missingHost: "missing required Host header"
        case .multipleHosts: "too many Host headers"
        case .invalidPath: "invalid request path: it decodes to a NUL byte or to bytes that are not UTF-8"
        }
    }
}
