// Tests of the server over real loopback sockets, each on its own kernel-chosen port.

@testable import TestSupport
import Foundation
import Testing
import Common
import HTTP

/// Runs a server with `handler` (by default, one that echoes the method and path) for the
/// duration of `body`, then cancels it and waits for it; the HTTP tests of this folder share it.
func withServer(
    limits: HTTPLimits = HTTPLimits(),
    handler: @escaping @Sendable (HTTPRequest) async -> HTTPResponse = { .text("\($0.method) \($0.path)") },
    _ body: @escaping @Sendable (HTTPServer) async throws -> Void
) async throws {
    let server = try HTTPServer(port: 0, limits: limits, logger: .silent, handler: handler)
    try await withDeadline(seconds: 120) {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try await body(server)
            group.cancelAll()
            try await group.waitForAll()
        }
    }
}

/// A handler that echoes the method and path, the common case of these tests.
private let echo: @Sendable (HTTPRequest) async -> HTTPResponse = { request in
    .text("\(request.method) \(request.path)")
}

@Test func serverAnswersTwoRequestsOnOneKeptAliveConnection() async throws {
    try await withServer(handler: echo) { server in
        // The second request goes out only after the first answer, on the same socket.
        let (first, second) = try await offPool {
            let connection = try TestConnection(port: server.port)
            try connection.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n")
            let first = try connection.readResponse()
            try connection.send("GET /two HTTP/1.1\r\nHost: x\r\n\r\n")
            return (first, try connection.readResponse())
        }
        #expect(first.status == 200 && first.text == "GET /one")
        #expect(first.headers["content-length"] == "8")
        #expect(first.headers["connection"] == nil)
        #expect(second.text == "GET /two")
    }
}

@Test func serverAnswersPipelinedRequestsInOrder() async throws {
    try await withServer(handler: echo) { server in
        let texts = try await offPool {
            let connection = try TestConnection(port: server.port)
            try connection.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n")
            return [try connection.readResponse().text, try connection.readResponse().text]
        }
        #expect(texts == ["GET /a", "GET /b"])
    }
}

@Test func serverClosesAfterRespondingToHTTP10() async throws {
    try await withServer(handler: echo) { server in
        let (response, closed) = try await offPool {
            let connection = try TestConnection(port: server.port)
            try connection.send("GET /old HTTP/1.0\r\n\r\n")
            return (try connection.readResponse(), try connection.isClosedByServer())
        }
        #expect(response.text == "GET /old")
        #expect(response.headers["connection"] == "close")
        #expect(closed)
    }
}

@Test func serverAnswersHeadWithHeadersOnly() async throws {
    try await withServer(handler: echo) { server in
        let (head, next) = try await offPool {
            let connection = try TestConnection(port: server.port)
            try connection.send("HEAD /x HTTP/1.1\r\nHost: x\r\n\r\nGET /y HTTP/1.1\r\nHost: x\r\n\r\n")
            return (try connection.readResponse(isHead: true), try connection.readResponse())
        }
        #expect(head.headers["content-length"] == "7")
        #expect(next.text == "GET /y")  // proves no body bytes followed the HEAD response
    }
}

@Test func serverServesFiftyClientsAtOnce() async throws {
    try await withServer(handler: echo) { server in
        try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for client in 0..<50 {
                group.addTask { (client, try await fetch(port: server.port, "GET /c\(client) HTTP/1.1\r\nHost: x\r\n\r\n").text) }
            }
            var answered = 0
            for try await (client, text) in group {
                #expect(text == "GET /c\(client)")
                answered += 1
            }
            #expect(answered == 50)
        }
    }
}

@Test func serverAnswersAMalformedRequestWith400AndCloses() async throws {
    let handled = Counter()
    try await withServer(handler: { _ in handled.increment(); return .text("no") }) { server in
        let (response, closed) = try await offPool {
            let connection = try TestConnection(port: server.port)
            try connection.send("NOT HTTP AT ALL\r\n\r\n")
            return (try connection.readResponse(), try connection.isClosedByServer())
        }
        #expect(response.status == 400)
        #expect(response.text == "malformed request line\n")
        #expect(closed)
    }
    #expect(handled.value == 0)
}

@Test func serverAnswersAnOversizedHeaderWith431() async throws {
    try await withServer(handler: echo) { server in
        let request = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "b", count: 40 * 1024))\r\n\r\n"
        let response = try await fetch(port: server.port, request)
        #expect(response.status == 431)
    }
}

@Test func serverAnswersAnOversizedBodyWith413() async throws {
    try await withServer(handler: echo) { server in
        let request = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: \(2 * 1024 * 1024)\r\n\r\n" + String(repeating: "x", count: 100_000)
        let response = try await fetch(port: server.port, request)
        #expect(response.status == 413)
    }
}

@Test func serverAnswersTransferEncodingWith501() async throws {
    try await withServer(handler: echo) { server in
        let response = try await fetch(port: server.port, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        #expect(response.status == 501)
    }
}

@Test func serverSendsEachStreamedWriteBeforeTheHandlerFinishes() async throws {
    let (gate, open) = AsyncStream<Void>.makeStream()
    let handler: @Sendable (HTTPRequest) async -> HTTPResponse = { _ in
        HTTPResponse(headers: ["Content-Type": "text/plain"]) { writer in
            try await writer.write("first")
            for await _ in gate { break }  // held until the client has seen "first"
            try await writer.write("second")
        }
    }
    try await withServer(handler: handler) { server in
        let chunks = try await offPool {
            let connection = try TestConnection(port: server.port)
            try connection.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try connection.readHead()
            guard head.headers["transfer-encoding"] == "chunked" else { throw TestFailure("not chunked") }
            let first = try connection.readChunk()
            open.yield()
            return [first, try connection.readChunk(), try connection.readChunk()].map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(chunks == ["first", "second", ""])
    }
}

@Test func streamingHandlerNoticesTheClientWentAway() async throws {
    let (noticed, notice) = AsyncStream<Void>.makeStream()
    let handler: @Sendable (HTTPRequest) async -> HTTPResponse = { _ in
        HTTPResponse { writer in
            try await writer.write("hello")
            // A follower with nothing to send: wake up now and then and check on the client.
            try await eventually("the client to go away") { writer.isClientGone() }
            notice.yield()
        }
    }
    try await withServer(handler: handler) { server in
        try await offPool {
            let connection = try TestConnection(port: server.port)
            try connection.send("GET /follow HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try connection.readHead()
            _ = try connection.readChunk()
        }  // the connection is released here, which closes it
        for await _ in noticed { break }
    }
}

@Test func cancellingRunReturnsPromptlyAndClosesTheListener() async throws {
    let server = try HTTPServer(port: 0, logger: .silent, handler: echo)
    let port = server.port
    let running = Task { try await server.run() }
    let (served, markServed) = AsyncStream<Void>.makeStream()
    // An idle kept-alive connection, held open across the shutdown: it must not hold it up.
    let idleConnection = Task {
        try await offPool {
            let connection = try TestConnection(port: port)
            try connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try connection.readResponse()
            markServed.yield()
            return try connection.isClosedByServer()
        }
    }
    for await _ in served { break }
    running.cancel()
    try await withDeadline(seconds: 60) { try await running.value }
    #expect(try await idleConnection.value)
    #expect(server.connectionCount == 0)
    let refused = try await offPool { () -> Bool in
        do {
            _ = try TestConnection(port: port)
            return false
        } catch let error as POSIXError {
            return error.code == .ECONNREFUSED
        }
    }
    #expect(refused)
}

// Beyond the connection limit, see ConnectionSlotServerTests.swift: an idle connection
// yields its slot to a newcomer, and only busy ones make the server answer 503.

@Test func runningAServerTwiceIsRefused() async throws {
    let server = try HTTPServer(port: 0, logger: .silent, handler: echo)
    let running = Task { try await server.run() }
    // Once a request is answered, the first run() is under way.
    _ = try await fetch(port: server.port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    await #expect(throws: HTTPServer.AlreadyRunError.self) { try await server.run() }
    running.cancel()
    try await running.value
}
