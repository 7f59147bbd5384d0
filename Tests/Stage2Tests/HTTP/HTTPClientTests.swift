// Tests of stage 2's HTTP client against the server, on a kernel-chosen port.

@testable import HTTP
@testable import HTTPClient
import Testing
@testable import TestSupport

private func client(for server: HTTPServer, timeout: Duration = HTTPClient.defaultTimeout) -> HTTPClient {
    HTTPClient(baseURL: HTTPURL(host: "127.0.0.1", port: server.port), timeout: timeout)
}

@Test func clientSendsMethodsTargetsHeadersAndBodies() async throws {
    try await withRunningServer(handler: { request in
        var headers: HTTPHeaders = ["X-Echo-Method": request.method]
        headers.add(name: "X-Echo-Header", value: request.headers["X-Test"] ?? "none")
        return HTTPResponse(status: request.method == "POST" ? .created : .ok, headers: headers, body: request.body)
    }) { server in
        let client = client(for: server)
        for method in ["GET", "POST", "PUT", "DELETE"] {
            let body = method == "GET" ? [] : Array("{\"kind\":\"Pod\",\"via\":\"\(method)\"}".utf8)
            let request = HTTPClientRequest(method: method, target: "/api/v1/pods?x=1", headers: ["X-Test": "yes"], body: body)
            let response = try await client.send(request)
            #expect(response.status == (method == "POST" ? .created : .ok))
            #expect(response.headers["X-Echo-Method"] == method)
            #expect(response.headers["X-Echo-Header"] == "yes")
            #expect(response.body == body)
        }
    }
}

@Test func clientReusesAKeptAliveConnection() async throws {
    try await withRunningServer(handler: echoHandler) { server in
        let client = client(for: server)
        for index in 0..<5 {
            let response = try await client.send(HTTPClientRequest(method: "PUT", target: "/\(index)", body: [0x41]))
            #expect(response.text == "PUT /\(index) A")
        }
        #expect(server.acceptedConnectionCount == 1)
        #expect(client.idleConnectionCount == 1)
    }
}

@Test func clientOpensAFreshConnectionWhenTheServerClosedTheParkedOne() async throws {
    // Long enough that a loaded machine still sends the first request before the server
    // gives up on it; the test then waits for the close rather than for the time.
    let limits = HTTPLimits(idleTimeout: .milliseconds(300))
    try await withRunningServer(limits: limits, handler: echoHandler) { server in
        let client = client(for: server)
        _ = try await client.send(HTTPClientRequest(target: "/first"))
        try await eventually("server.connectionCount == 0") { server.connectionCount == 0 }
        let response = try await client.send(HTTPClientRequest(target: "/second"))
        #expect(response.text == "GET /second ")
        #expect(server.acceptedConnectionCount == 2)
    }
}

@Test func clientDoesNotParkAConnectionTheServerCloses() async throws {
    try await withRunningServer(handler: { _ in
        HTTPResponse(headers: ["Connection": "close"], body: Array("bye".utf8))
    }) { server in
        let client = client(for: server)
        let first = try await client.send(HTTPClientRequest())
        let second = try await client.send(HTTPClientRequest())
        #expect(first.text == "bye" && second.text == "bye")
        #expect(client.idleConnectionCount == 0)
        #expect(server.acceptedConnectionCount == 2)
    }
}

@Test func clientDecodesAChunkedResponse() async throws {
    try await withRunningServer(handler: { _ in
        HTTPResponse { writer in
            for word in ["alpha ", "beta ", "gamma"] { try await writer.write(word) }
        }
    }) { server in
        let client = client(for: server)
        let response = try await client.send(HTTPClientRequest(target: "/words"))
        #expect(response.text == "alpha beta gamma")
        // The chunked body ended by its own framing, so the connection is reusable.
        #expect(try await client.send(HTTPClientRequest(target: "/words")).text == "alpha beta gamma")
        #expect(server.acceptedConnectionCount == 1)
    }
}

@Test func streamedChunksArriveBeforeTheResponseEnds() async throws {
    let secondMayGo = Gate()
    try await withRunningServer(handler: { _ in
        HTTPResponse { writer in
            try await writer.write("{\"type\":\"ADDED\"}\n")
            // The second event is written only after the client has seen the first:
            // a client that waited for the end of the body would wait here forever.
            await secondMayGo.wait()
            try await writer.write("{\"type\":\"DELETED\"}\n")
        }
    }) { server in
        let client = client(for: server)
        let (head, body) = try await client.stream(HTTPClientRequest(target: "/api/v1/pods?watch=1"))
        #expect(head.status == .ok)
        var lines = HTTPClient.lines(of: body).makeAsyncIterator()
        #expect(try await lines.next() == "{\"type\":\"ADDED\"}")
        secondMayGo.open()
        #expect(try await lines.next() == "{\"type\":\"DELETED\"}")
        #expect(try await lines.next() == nil)
        // A stream read to its end gives its connection back.
        #expect(client.idleConnectionCount == 1)
    }
}

@Test func cancellingAStreamClosesItsConnection() async throws {
    let clientLeft = Gate()
    try await withRunningServer(handler: { _ in
        HTTPResponse { writer in
            try await writer.write("tick\n")
            // A log follower's loop: wake up now and then, stop when the client has gone.
            try await eventually("the client to go away") { writer.isClientGone() }
            clientLeft.open()
        }
    }) { server in
        let client = client(for: server)
        let firstPiece = Gate()
        let consumer = Task {
            let (_, body) = try await client.stream(HTTPClientRequest(target: "/logs?follow=true"))
            for try await _ in body { firstPiece.open() }
        }
        await firstPiece.wait()
        consumer.cancel()
        await clientLeft.wait()
        try await eventually("server.connectionCount == 0") { server.connectionCount == 0 }
        #expect(client.idleConnectionCount == 0)
        await #expect(throws: CancellationError.self) { try await consumer.value }
    }
}

@Test func aStreamDroppedBeforeItsEndClosesItsConnection() async throws {
    let clientLeft = Gate()
    try await withRunningServer(handler: { _ in
        HTTPResponse { writer in
            try await writer.write("tick\n")
            try await eventually("the client to go away") { writer.isClientGone() }
            clientLeft.open()
        }
    }) { server in
        let client = client(for: server)
        do {
            let (_, body) = try await client.stream(HTTPClientRequest(target: "/logs?follow=true"))
            for try await _ in body { break }
        }
        await clientLeft.wait()
        #expect(client.idleConnectionCount == 0)
    }
}

@Test func aSlowServerMakesTheRequestTimeOut() async throws {
    try await withRunningServer(handler: { _ in
        await waitUntilCancelled()  // a server that never answers, until the test ends
        return .text("too late")
    }) { server in
        let client = client(for: server, timeout: .milliseconds(200))
        await #expect(throws: HTTPClientError.timedOut(after: .milliseconds(200))) {
            try await client.send(HTTPClientRequest(target: "/slow"))
        }
        #expect(client.idleConnectionCount == 0)
    }
}

@Test func aRequestsOwnTimeoutOverridesTheClients() async throws {
    try await withRunningServer(handler: { _ in
        await waitUntilCancelled()
        return .text("too late")
    }) { server in
        let client = client(for: server)
        let request = HTTPClientRequest(target: "/slow", timeout: .milliseconds(100))
        await #expect(throws: HTTPClientError.timedOut(after: .milliseconds(100))) {
            try await client.stream(request)
        }
    }
}

@Test func aPortWithNoServerIsReportedAsRefused() async throws {
    // A port that is bound but not listening: refused, and no other test's server can take it.
    let refusing = try RefusingPort()
    let client = HTTPClient(baseURL: HTTPURL(host: "127.0.0.1", port: refusing.port))
    await #expect(throws: HTTPClientError.connectionRefused(host: "127.0.0.1", port: refusing.port)) {
        try await client.send(HTTPClientRequest())
    }
    withExtendedLifetime(refusing) {}  // the port stays held until the request has failed
}

@Test func aRequestWithALineBreakInAHeaderIsRefusedBeforeSending() async throws {
    let client = HTTPClient(baseURL: HTTPURL(host: "127.0.0.1", port: 9))
    await #expect(throws: HTTPClientError.self) {
        try await client.send(HTTPClientRequest(headers: ["X-Evil": "a\r\nX-Injected: 1"]))
    }
}
