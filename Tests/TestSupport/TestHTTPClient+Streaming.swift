// Stage 1 · Test harness: following a streaming HTTP response line by line.
//
// `GET …/containerLogs/…?follow=true` (and, from stage 3, watch requests) never end on
// their own: the server keeps the connection open and sends lines as they happen. A
// test opens the stream, reads lines as they arrive, and stops when it has seen enough.
// The status and headers are returned first; the body arrives as an `AsyncThrowingStream`
// of lines (chunked coding removed, newline dropped). `cancel()` — or cancelling the
// task that iterates `lines` — shuts the socket down: the reader thread's blocked
// `recv` returns end-of-file, the stream finishes and the thread closes the socket.
// (Merely leaving the `for` loop does not end the stream while `lines` is still
// referenced, hence `cancel()`.)
//
//     let stream = try await TestHTTPClient().stream(port: port, path: "/logs?follow=true")
//     defer { stream.cancel() }
//     for try await line in stream.lines where line.contains("ready") { break }

import Foundation

/// An open streaming response: status and headers now, body lines as they arrive.
struct TestHTTPStream: Sendable {
    let status: Int
    /// Header fields by lower-cased name.
    let headers: [String: String]
    /// The body's lines as they arrive; ends when the server closes, the body ends, or on `cancel()`.
    let lines: AsyncThrowingStream<String, Error>
    /// The connection, shut down by `cancel()`.
    let socket: LoopbackSocket

    /// Closes the connection: the server sees the client go away and `lines` finishes.
    func cancel() {
        socket.shutdown()
    }
}

extension TestHTTPClient {
    /// Sends `GET path` and returns as soon as the response head has arrived.
    func stream(port: Int, path: String, headers: [String: String] = [:]) async throws -> TestHTTPStream {
        let request = Self.requestBytes(path: path, port: port, headers: headers)
        let (socket, head, rest) = try await Thread.runBlocking(named: "test HTTP stream \(path)") {
            let socket = try LoopbackSocket.connect(port: port)
            do {
                // Only the head is bounded by the read timeout; a follow stream may idle for long.
                socket.setReadTimeout(Self.readTimeout)
                try socket.write(request)
                var received: [UInt8] = []
                while true {
                    let chunk = try socket.read()
                    if chunk.isEmpty { throw HarnessError("connection closed before the response head of GET \(path)") }
                    received += chunk
                    if let (head, rest) = try TestHTTPResponseHead.parse(received) { return (socket, head, Array(rest)) }
                }
            } catch {
                socket.close()
                throw error
            }
        }
        socket.setReadTimeout(.zero)  // zero means "no timeout" for SO_RCVTIMEO
        let (lines, continuation) = AsyncThrowingStream<String, Error>.makeStream()
        continuation.onTermination = { _ in socket.shutdown() }
        Thread.startDetached(named: "test HTTP stream reader \(path)") {
            defer { socket.close() }
            var splitter = LineSplitter()
            var decoder = head.isChunked ? ChunkedBodyDecoder() : nil
            var chunk = rest
            do {
                while true {
                    let body = try decoder?.feed(chunk) ?? chunk
                    for line in splitter.feed(body) { continuation.yield(line) }
                    if decoder?.isComplete == true { break }
                    chunk = try socket.read()
                    if chunk.isEmpty { break }
                }
                if let last = splitter.finish() { continuation.yield(last) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        return TestHTTPStream(status: head.status, headers: head.headers, lines: lines, socket: socket)
    }
}

/// Cuts a byte stream into newline-terminated lines; used by the streaming reader.
struct LineSplitter: Sendable {
    /// Bytes after the last newline.
    private var partial: [UInt8] = []

    /// Returns the lines completed by `bytes`, without their newlines.
    mutating func feed(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                lines.append(String(decoding: partial, as: UTF8.self))
                partial.removeAll(keepingCapacity: true)
            } else {
                partial.append(byte)
            }
        }
        return lines
    }

    /// The unterminated last line, if any, at end of stream.
    mutating func finish() -> String? {
        defer { partial.removeAll() }
        return partial.isEmpty ? nil : String(decoding: partial, as: UTF8.self)
    }
}
