// Stage 1 · HTTP: one client connection, from its first byte to its close.
//
// The loop is the whole of HTTP/1.1 as a server sees it:
//
//     read bytes ─▶ parser ─▶ complete request ─▶ handler ─▶ write response ─┐
//         ▲                                                                  │
//         └──────────── keep-alive: the next request on the same socket ◀────┘
//
// Requests that arrived together (pipelining) are answered one by one, in order, before
// reading again, which also bounds what one client can make us buffer. A request the
// parser refuses gets its 4xx/5xx here, from the server itself, and the connection
// closes, because after a framing error nobody knows where the next request starts.
//
// The connection decides framing, not the handler: it sets `Content-Length` for a
// complete body, `Transfer-Encoding: chunked` for a stream, and `Connection` for
// keep-alive, overriding whatever the handler put in those fields.

/// Serves the requests of one accepted socket; made and run by `HTTPServer` in a child task.
struct HTTPConnection {
    /// The most bytes read from the socket at a time.
    static let readChunkBytes = 64 * 1024
    /// After refusing a request, how long to keep reading what the client still sends.
    static let refusalDrainTimeout = Duration.milliseconds(500)
    /// After refusing a request, the most bytes read and discarded before closing anyway.
    static let refusalDrainBytes = 256 * 1024

    /// The accepted socket; the server closes it after `serve()` returns.
    let socket: Socket
    /// The caps the parser enforces.
    let limits: HTTPLimits
    /// The server's handler, called once per valid request.
    let handler: @Sendable (HTTPRequest) async -> HTTPResponse
    /// The connection's slot, told what the connection is doing so that an idle or slow
    /// one can yield to a newcomer (ConnectionSlots.swift); nil serves without one.
    var slot: ConnectionSlot? = nil
    // Stage 2 > the API server words its refusals as a Kubernetes `Status`
    /// How the server's owner words a refusal; nil keeps stage 1's plain text.
    var refusalResponder: (@Sendable (HTTPStatus, String) -> HTTPResponse)? = nil
    // Stage 2 <

    /// A client closed the connection in the middle of a request.
    struct TruncatedRequest: Error, CustomStringConvertible {
        var description: String { "client closed the connection in the middle of a request" }
    }

    /// Serves requests until the client closes, a response ends the connection, or the task
    /// is cancelled; throws what made it stop early, for the server's log line.
    func serve() async throws {
        var parser = HTTPRequestParser(limits: limits)
        var pending: [HTTPRequestParser.Output] = []
        var next = 0
        // Header, body and idle timeouts: see HTTPConnection+Timeouts.swift.
        var clock = RequestClock(limits: limits)
        while !Task.isCancelled {
            guard next < pending.count else {
                clock.observe(parser)
                // Evicted to make room for a newcomer: the socket is shut down; stop.
                if let slot, !slot.enter(parser.isBetweenRequests ? .idle : .receiving) { return }
                guard let bytes = try await read(before: clock.deadline) else {
                    return try await timedOut(clock, parser: parser)
                }
                guard !bytes.isEmpty else {
                    if parser.isBetweenRequests { return }
                    throw TruncatedRequest()
                }
                pending = parser.parse(bytes)
                next = 0
                continue
            }
            let output = pending[next]
            next += 1
            switch output {
            case .request(let request):
                if let slot, !slot.enter(.busy) { return }
                guard try await respond(to: request) else { return }
                clock.responseFinished()
            case .failure(let error):
                // Stage 2 > the API server words its refusals as a Kubernetes `Status`
                if let response = refusalResponder?(error.status, error.description),
                   case .bytes(let body) = response.body {
                    var headers = response.headers
                    headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
                    headers.replaceOrAdd(name: "Connection", value: "close")
                    try await socket.write(HTTPResponse.encodeHead(status: response.status, headers: headers) + body)
                    await drainBeforeClosing()
                    throw error
                }
                // Stage 2 <
                try await socket.write(HTTPResponse.encodeRefusal(error))
                await drainBeforeClosing()
                throw error
            }
        }
    }

    /// Runs the handler and writes its response; returns whether the connection stays open.
    private func respond(to request: HTTPRequest) async throws -> Bool {
        let response = await handler(request)
        // Re-check after the await: a shutdown while the handler ran means this is the last response.
        var keepAlive = request.wantsKeepAlive
            && !response.headers.containsToken("close", in: "Connection")
            && !Task.isCancelled
        let sendsBody = request.method != "HEAD" && response.status.allowsBody
        var headers = response.headers
        for name in ["Content-Length", "Transfer-Encoding", "Connection"] { headers.remove(name) }

        switch response.body {
        case .bytes(let body):
            if response.status.allowsBody { headers.add(name: "Content-Length", value: String(body.count)) }
            Self.addConnectionField(to: &headers, keepAlive: keepAlive, version: request.version)
            try await socket.write(HTTPResponse.encodeHead(status: response.status, headers: headers) + (sendsBody ? body : []))

        case .stream(let produce):
            // Chunks need HTTP/1.1; an HTTP/1.0 body ends when the connection does.
            let isChunked = request.version.isAtLeastHTTP1_1
            if isChunked && response.status.allowsBody {
                headers.add(name: "Transfer-Encoding", value: "chunked")
            } else {
                keepAlive = keepAlive && !sendsBody
            }
            Self.addConnectionField(to: &headers, keepAlive: keepAlive, version: request.version)
            try await socket.write(HTTPResponse.encodeHead(status: response.status, headers: headers))
            guard sendsBody else { return keepAlive }
            let writer = HTTPBodyWriter(socket: socket, framing: isChunked ? .chunked : .untilClose)
            // If the producer throws, the body stays unterminated and the connection closes,
            // which tells the client the response is incomplete rather than short.
            try await produce(writer)
            try await writer.finish()
        }
        return keepAlive
    }

    /// Reads and discards what the client is still sending, briefly, before the close.
    ///
    /// Closing a socket with unread input makes the kernel send a reset, and a reset can
    /// destroy our refusal in the client's buffers before it reads it. So we stop writing
    /// (the client sees the end of our response), swallow the rest of its oversized request
    /// for a moment, and close only then (Go's server does the same in `closeWriteAndWait`).
    private func drainBeforeClosing() async {
        socket.shutdownWriting()
        await withTaskGroup(of: Void.self) { [socket] group in
            group.addTask {
                var drained = 0
                while drained < Self.refusalDrainBytes,
                      let bytes = try? await socket.read(maxBytes: Self.readChunkBytes), !bytes.isEmpty {
                    drained += bytes.count
                }
            }
            group.addTask { try? await Task.sleep(for: Self.refusalDrainTimeout) }
            await group.next()
            group.cancelAll()
        }
    }

    /// Says what happens after this response, where the client's default differs.
    private static func addConnectionField(to headers: inout HTTPHeaders, keepAlive: Bool, version: HTTPVersion) {
        if !keepAlive {
            headers.add(name: "Connection", value: "close")
        } else if !version.isAtLeastHTTP1_1 {
            headers.add(name: "Connection", value: "keep-alive")
        }
    }
}
