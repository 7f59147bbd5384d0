// Stage 1 · Test harness: a tiny HTTP/1.1 client for talking to a stage under test.
//
// End-to-end tests ask a running stage what a learner would ask with `curl`:
// `GET /pods` on the kubelet's read-only port, and so on. The client sends one request
// per connection with `Connection: close`, reads to end-of-file on a dedicated thread,
// and decodes the body by `Transfer-Encoding: chunked` or `Content-Length`. It is
// deliberately independent of the project's own HTTP module: a test that used the code
// under test to check itself would prove little. Streaming requests (`follow=true`)
// are in `TestHTTPClient+Streaming.swift`.
//
//     let response = try await TestHTTPClient().get(port: 10255, path: "/pods")
//     #expect(response.status == 200)

import Foundation

/// A loopback HTTP/1.1 GET client; used by end-to-end tests to query a running stage.
struct TestHTTPClient: Sendable {
    /// How long a read may wait for data before the request fails: long, because a stage
    /// on a loaded machine may take seconds to answer (see `WaitPolicy`).
    static let readTimeout: Duration = .seconds(60)
    /// The largest response accepted, so a runaway server fails the test instead of the machine.
    static let maxResponseBytes = 16 * 1024 * 1024

    /// Sends `GET path` to `127.0.0.1:port` and returns the whole response.
    func get(port: Int, path: String, headers: [String: String] = [:]) async throws -> TestHTTPResponse {
        let request = Self.requestBytes(path: path, port: port, headers: headers)
        return try await Thread.runBlocking(named: "test HTTP GET \(path)") {
            let socket = try LoopbackSocket.connect(port: port)
            defer { socket.close() }
            socket.setReadTimeout(Self.readTimeout)
            try socket.write(request)
            var received: [UInt8] = []
            while true {
                let chunk = try socket.read()
                if chunk.isEmpty { break }
                received += chunk
                guard received.count <= Self.maxResponseBytes else {
                    throw HarnessError("response to GET \(path) exceeds \(Self.maxResponseBytes) bytes")
                }
            }
            return try Self.decodeResponse(received, path: path)
        }
    }

    /// The request bytes: a GET with `Host` and `Connection: close`, plus `headers`.
    static func requestBytes(path: String, port: Int, headers: [String: String]) -> [UInt8] {
        var text = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return Array((text + "\r\n").utf8)
    }

    /// Decodes a complete response read to end-of-file.
    static func decodeResponse(_ bytes: [UInt8], path: String) throws -> TestHTTPResponse {
        guard let (head, rest) = try TestHTTPResponseHead.parse(bytes) else {
            throw HarnessError("connection closed before a complete response to GET \(path) (\(bytes.count) bytes received)")
        }
        var body: [UInt8]
        if head.isChunked {
            var decoder = ChunkedBodyDecoder()
            body = try decoder.feed(rest)
            guard decoder.isComplete else { throw HarnessError("chunked body of GET \(path) ended before its last chunk") }
        } else if let length = head.contentLength {
            guard rest.count >= length else {
                throw HarnessError("body of GET \(path) is \(rest.count) bytes, Content-Length says \(length)")
            }
            body = Array(rest.prefix(length))
        } else {
            body = Array(rest)
        }
        return TestHTTPResponse(status: head.status, headers: head.headers, body: String(decoding: body, as: UTF8.self))
    }
}
