// Stage 1 · Test harness: tests of `TestHTTPClient` against a hand-written fake server.

@testable import TestSupport
import Testing

@Suite struct TestHTTPClientTests {
    @Test func getReadsAContentLengthBody() async throws {
        let server = try OneShotHTTPServer { connection in
            try connection.write(Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"items\":[]}".utf8))
        }
        let response = try await TestHTTPClient().get(port: server.port, path: "/pods")
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.body == "{\"items\":[]")
        let request = server.request.withLock { $0 } ?? ""
        #expect(request.hasPrefix("GET /pods HTTP/1.1\r\n"))
        #expect(request.contains("Connection: close\r\n"))
    }

    @Test func getDecodesAChunkedBody() async throws {
        let server = try OneShotHTTPServer { connection in
            try connection.write(Array("HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n".utf8))
            try connection.write(Array("7\r\n, world\r\n0\r\n\r\n".utf8))
        }
        let response = try await TestHTTPClient().get(port: server.port, path: "/missing")
        #expect(response.status == 404)
        #expect(response.body == "hello, world")
    }

    @Test func getFailsReadablyWhenNothingListens() async throws {
        let (listener, port) = try LoopbackSocket.listen()
        listener.close()  // the port is now (almost certainly) closed
        let error = await #expect(throws: HarnessError.self) {
            try await TestHTTPClient().get(port: port, path: "/")
        }
        #expect(error?.description.contains("connect to 127.0.0.1:\(port)") == true)
    }

    @Test func streamYieldsLinesBeforeTheResponseEndsAndCancellationClosesTheConnection() async throws {
        let server = try OneShotHTTPServer { connection in
            try connection.write(Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".utf8))
            try connection.write(Array("b\r\nfirst line\n\r\n".utf8))
            // Block until the client goes away: the stream must deliver the line without an end.
            while let chunk = try? connection.read(), !chunk.isEmpty {}
        }
        let stream = try await TestHTTPClient().stream(port: server.port, path: "/logs?follow=true")
        #expect(stream.status == 200)
        var iterator = stream.lines.makeAsyncIterator()
        #expect(try await iterator.next() == "first line")
        stream.cancel()
        try await eventually("the server to see the client close") { server.isFinished.withLock { $0 } }
        #expect(try await iterator.next() == nil)
    }
}
