// Tests of stage 2's server clocks: a slow client loses its connection, a streaming
// response does not. Timeouts are configured short, and every wait has a time limit.

@testable import HTTP
@testable import HTTPClient
import Testing
@testable import TestSupport

private let shortClocks = HTTPLimits(
    headerTimeout: .milliseconds(200),
    idleTimeout: .milliseconds(200),
    bodyTimeout: .milliseconds(200)
)

@Test func aClientThatSendsHalfARequestHeadIsAnswered408AndDisconnected() async throws {
    try await withRunningServer(limits: shortClocks, handler: echoHandler) { server in
        let client = try await RawClient.connect(to: server)
        try await client.send("GET /pods HTTP/1.1\r\nHost: slow\r\n")
        let received = try await client.readUntilClosed()
        #expect(received.hasPrefix("HTTP/1.1 408 Request Timeout"))
        try await eventually("server.connectionCount == 0") { server.connectionCount == 0 }
    }
}

@Test func aClientThatNeverSendsAnythingIsClosedWithoutAnAnswer() async throws {
    try await withRunningServer(limits: shortClocks, handler: echoHandler) { server in
        let client = try await RawClient.connect(to: server)
        #expect(try await client.readUntilClosed() == "")
    }
}

@Test func tricklingBytesDoesNotRestartTheHeaderClock() async throws {
    try await withRunningServer(limits: shortClocks, handler: echoHandler) { server in
        let client = try await RawClient.connect(to: server)
        try await client.send("GET / HTTP/1.1\r\nHost: x\r\n")
        // One header line every 50 ms: each read succeeds, but the head is never done.
        // (The pause is the slow client under test, not a wait for a condition.)
        let trickle = Task {
            for index in 0..<100 {
                try await Task.sleep(for: .milliseconds(50))  // timing under test
                try await client.send("X-\(index): v\r\n")
            }
        }
        defer { trickle.cancel() }
        #expect(try await client.readUntilClosed().hasPrefix("HTTP/1.1 408"))
    }
}

@Test func aBodyThatStopsArrivingIsAnswered408() async throws {
    try await withRunningServer(limits: shortClocks, handler: echoHandler) { server in
        let client = try await RawClient.connect(to: server)
        try await client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
        #expect(try await client.readUntilClosed().hasPrefix("HTTP/1.1 408"))
    }
}

@Test func anIdleKeptAliveConnectionIsClosed() async throws {
    // Only the idle clock is short: the request itself must not race a clock on a busy machine.
    let limits = HTTPLimits(headerTimeout: .seconds(60), idleTimeout: .milliseconds(200))
    try await withRunningServer(limits: limits, handler: echoHandler) { server in
        let client = try await RawClient.connect(to: server)
        try await client.send("GET /once HTTP/1.1\r\nHost: x\r\n\r\n")
        let received = try await client.readUntilClosed()
        // The one answer, then the close: no 408, since no second request had begun.
        #expect(received.hasPrefix("HTTP/1.1 200 OK"))
        #expect(received.hasSuffix("GET /once "))
        #expect(!received.contains("408"))
    }
}

@Test func aKeptAliveConnectionServesAnotherRequestWithinTheIdleTimeout() async throws {
    let limits = HTTPLimits(idleTimeout: .seconds(60))
    try await withRunningServer(limits: limits, handler: echoHandler) { server in
        let client = try await RawClient.connect(to: server)
        try await client.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = try await client.read(through: "GET /one ")
        try await client.send("GET /two HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = try await client.read(through: "GET /two ")
        #expect(server.acceptedConnectionCount == 1)
    }
}

@Test func aStreamingResponseOutlivesTheIdleTimeout() async throws {
    let idle = Duration.milliseconds(100)
    let limits = HTTPLimits(headerTimeout: .seconds(60), idleTimeout: idle)
    try await withRunningServer(limits: limits, handler: { _ in
        HTTPResponse { writer in
            try await writer.write("first\n")
            // Four idle timeouts pass between these writes; the stream must not notice.
            // (Time passing is what this test is about: there is no condition to await.)
            try await Task.sleep(for: idle * 4)  // timing under test
            try await writer.write("second\n")
        }
    }) { server in
        let client = HTTPClient(baseURL: HTTPURL(host: "127.0.0.1", port: server.port))
        let response = try await client.send(HTTPClientRequest(target: "/watch"))
        #expect(response.status == .ok)
        #expect(response.text == "first\nsecond\n")
    }
}

@Test(arguments: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND"])
func everyMethodReachesTheHandler(method: String) async throws {
    try await withRunningServer(handler: echoHandler) { server in
        let client = HTTPClient(baseURL: HTTPURL(host: "127.0.0.1", port: server.port))
        let response = try await client.send(HTTPClientRequest(method: method, target: "/x", body: Array("b".utf8)))
        #expect(response.text == "\(method) /x b")
    }
}

@Test func headReachesTheHandlerAndGetsNoBody() async throws {
    let seen = Gate()
    try await withRunningServer(handler: { request in
        if request.method == "HEAD" { seen.open() }
        return .text("not sent")
    }) { server in
        let client = HTTPClient(baseURL: HTTPURL(host: "127.0.0.1", port: server.port))
        let response = try await client.send(HTTPClientRequest(method: "HEAD", target: "/"))
        await seen.wait()
        #expect(response.status == .ok && response.body.isEmpty)
        #expect(response.headers["Content-Length"] == "8")
    }
}

@Test func theServerDecodesAChunkedRequestBody() async throws {
    try await withRunningServer(limits: .apiServer, handler: echoHandler) { server in
        let client = try await RawClient.connect(to: server)
        try await client.send("POST /p HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
        try await client.send("3\r\nabc\r\n")
        try await client.send("2\r\nde\r\n0\r\n\r\n")
        let received = try await client.readUntilClosed()
        #expect(received.hasPrefix("HTTP/1.1 200 OK"))
        #expect(received.hasSuffix("POST /p abcde"))
    }
}

@Test func theAPIServerLimitsAnswer413BeyondThreeMebibytes() async throws {
    try await withRunningServer(limits: .apiServer, handler: echoHandler) { server in
        let client = try await RawClient.connect(to: server)
        try await client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: \(3 * 1024 * 1024 + 1)\r\n\r\n")
        #expect(try await client.readUntilClosed().hasPrefix("HTTP/1.1 413"))
    }
}

@Test func theAPIServerLimitsAcceptExactlyThreeMebibytes() async throws {
    try await withRunningServer(limits: .apiServer, handler: { request in .text("\(request.body.count)") }) { server in
        let client = HTTPClient(baseURL: HTTPURL(host: "127.0.0.1", port: server.port))
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: HTTPLimits.apiServerMaxBodyBytes)
        let response = try await client.send(HTTPClientRequest(method: "POST", target: "/", body: body))
        #expect(response.text == "\(HTTPLimits.apiServerMaxBodyBytes)")
    }
}
