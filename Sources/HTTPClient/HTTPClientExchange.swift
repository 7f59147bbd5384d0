// Stage 2 · HTTPClient: one request and its response on one client connection.
//
// An exchange writes the request, reads until the response's head has arrived, and then
// hands out body pieces one read at a time: `HTTPClient.send` collects them all,
// `HTTPClient.stream` passes each on as it comes. Reading only when asked is what gives a
// stream back-pressure: a consumer that falls behind stops the reads, TCP's window fills,
// and the server's writes wait, instead of bytes piling up in this process.
//
// When the response ends by its own framing, the connection goes back to the pool for the
// next request; otherwise it is closed. Ownership is linear: an exchange is used by one
// task at a time, and whoever holds it last parks or closes its socket.

import HTTP

/// A request in flight on one connection; made by `HTTPClient`, finished by whoever reads its end.
struct HTTPClientExchange: Sendable {
    /// The most bytes read from the socket at a time.
    static let readChunkBytes = 64 * 1024

    /// The kept-alive connection died before answering: the server closed it while it was
    /// parked. Safe to retry an idempotent request on a fresh connection.
    struct StaleConnection: Error {}

    let socket: Socket
    private(set) var head = HTTPClientResponseHead(status: .ok)
    private var parser: HTTPResponseParser
    // Body pieces decoded along with the head (or a previous read) but not handed out yet.
    private var pending: [[UInt8]] = []
    private var isEnded = false

    /// Writes `request` (already encoded) and reads until the response's head has arrived.
    static func start(_ request: [UInt8], method: String, on socket: Socket) async throws -> HTTPClientExchange {
        var exchange = HTTPClientExchange(socket: socket, parser: HTTPResponseParser(requestMethod: method))
        do {
            try await socket.write(request)
        } catch let error as SocketError where error.isDisconnect {
            // The server may have refused the request before reading it all (a 413 for a
            // body too large) and closed; its answer may still be waiting to be read.
        }
        var receivedAny = false
        while true {
            let bytes: [UInt8]
            do {
                bytes = try await socket.read(maxBytes: readChunkBytes)
            } catch let error as SocketError where error.isDisconnect && !receivedAny {
                throw StaleConnection()
            }
            if bytes.isEmpty && !receivedAny { throw StaleConnection() }
            receivedAny = true
            if try exchange.take(bytes) { return exchange }
        }
    }

    private init(socket: Socket, parser: HTTPResponseParser) {
        self.socket = socket
        self.parser = parser
    }

    /// The next piece of the body, reading if none is decoded yet; nil after the end.
    mutating func nextBodyPiece() async throws -> [UInt8]? {
        while pending.isEmpty && !isEnded {
            let bytes: [UInt8]
            do {
                bytes = try await socket.read(maxBytes: Self.readChunkBytes)
            } catch let error as SocketError where error.isDisconnect {
                throw HTTPClientError.connectionClosed
            }
            _ = try take(bytes)
        }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    /// After the end: parks the connection in `pool` if it may carry another request, else closes it.
    func finish(into pool: HTTPConnectionPool) {
        if isEnded && parser.leavesConnectionReusable {
            pool.checkIn(socket)
        } else {
            socket.close()
        }
    }

    /// Feeds what was read (empty: the server closed); returns whether the head has arrived.
    private mutating func take(_ bytes: [UInt8]) throws(HTTPClientError) -> Bool {
        let events = bytes.isEmpty ? try parser.finish() : try parser.parse(bytes)
        var sawHead = false
        for event in events {
            switch event {
            case .head(let received):
                head = received
                sawHead = true
            case .body(let piece):
                pending.append(piece)
            case .end:
                isEnded = true
            }
        }
        return sawHead
    }
}
