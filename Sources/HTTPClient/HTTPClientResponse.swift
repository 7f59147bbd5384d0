// Stage 2 · HTTPClient: a complete response, as `HTTPClient.send` returns it.
//
// The body is whole, however it was framed on the wire (a `Content-Length`, chunks, or the
// connection closing), so a caller decodes JSON from it without caring.

import Foundation
import HTTP

/// A response with its whole body; returned by `HTTPClient.send`.
public struct HTTPClientResponse: Sendable {
    public var head: HTTPClientResponseHead
    /// The body bytes, de-chunked; empty when there were none.
    public var body: [UInt8]

    public init(head: HTTPClientResponseHead, body: [UInt8] = []) {
        self.head = head
        self.body = body
    }

    public var status: HTTPStatus { head.status }
    public var headers: HTTPHeaders { head.headers }
    /// The body decoded as UTF-8 (invalid bytes replaced), for text and for messages.
    public var text: String { String(decoding: body, as: UTF8.self) }
    /// The body as `Data`, for `JSONDecoder`.
    public var data: Data { Data(body) }
}
