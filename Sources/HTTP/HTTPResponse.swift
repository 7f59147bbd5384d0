// Stage 1 · HTTP: what a handler answers with.
//
// A response is a status, header fields and a body. The body is either complete bytes,
// sent with a `Content-Length`, or a stream: a closure the server calls with a writer,
// whose every write goes out at once as one chunk. Streams serve answers that have no
// end known in advance, such as `kubectl logs -f` following a container's output, and
// later (stage 3) watch events.
//
// The handler sets only what it knows; the connection adds the framing headers
// (`Content-Length` or `Transfer-Encoding`) and `Connection` itself.

import Foundation

/// A handler's answer to one request, written to the client by the server's connection.
public struct HTTPResponse: Sendable {
    /// A response body: known bytes, or a producer that writes for as long as it has data.
    public enum Body: Sendable {
        /// The whole body, sent with a `Content-Length`.
        case bytes([UInt8])
        /// A producer called once with a writer; the body ends when it returns.
        case stream(@Sendable (HTTPBodyWriter) async throws -> Void)
    }

    public var status: HTTPStatus
    /// The header fields the handler chose, such as `Content-Type`.
    public var headers: HTTPHeaders
    public var body: Body

    /// A response with a complete body (empty by default).
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = .bytes(body)
    }

    /// A streamed response: `stream` writes the body piece by piece, each piece sent at once.
    ///
    /// `stream` runs in the connection's task. A write throws once the client has gone,
    /// and the task is cancelled when the server shuts down, so a producer that loops
    /// until it is told to stop does stop.
    public init(
        status: HTTPStatus = .ok,
        headers: HTTPHeaders = [:],
        stream: @escaping @Sendable (HTTPBodyWriter) async throws -> Void
    ) {
        self.status = status
        self.headers = headers
        self.body = .stream(stream)
    }

    /// A JSON response, as the kubelet's and API server's endpoints send.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], json: Data) {
        var headers = headers
        headers.replaceOrAdd(name: "Content-Type", value: HTTPResponse.jsonContentType)
        self.init(status: status, headers: headers, body: Array(json))
    }

    /// A plain-text response, such as `ok` from a health check or an error's explanation.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": textContentType], body: Array(text.utf8))
    }

    public static let jsonContentType = "application/json"
    public static let textContentType = "text/plain; charset=utf-8"
}
