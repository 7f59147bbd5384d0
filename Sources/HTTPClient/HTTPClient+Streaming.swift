// Stage 2 · HTTPClient: responses whose body is read as it arrives: watches and `logs -f`.
//
// `stream` returns as soon as the response's head is in, with the body as an
// `AsyncThrowingStream` of pieces, each handed out as soon as it is decoded. The stream
// pulls: each `next()` reads the socket once more only when the piece before was taken, so
// a slow consumer slows the server down (through TCP) rather than filling our memory.
//
// The request's timeout covers connecting, sending, and waiting for the head; the body
// has no timeout, because a watch may rightly stay open for an hour. It stops when:
//   - the body ends: the connection goes back to the pool;
//   - the consumer's task is cancelled: the read in progress throws, and the connection
//     is closed, which the server sees as its client gone;
//   - the consumer lets go of the stream (stops iterating and drops it): the connection
//     is closed when the last reference goes (`HTTPClientBodySource.deinit`).

import Synchronization

extension HTTPClient {
    /// Sends `request` and returns the response head and its body as a stream of pieces.
    public func stream(
        _ request: HTTPClientRequest
    ) async throws -> (head: HTTPClientResponseHead, body: AsyncThrowingStream<[UInt8], Error>) {
        let exchange = try await Self.withTimeout(request.timeout ?? timeout) { [self] in
            try await start(request)
        }
        let source = HTTPClientBodySource(exchange: exchange, pool: pool)
        return (exchange.head, AsyncThrowingStream(unfolding: { try await source.next() }))
    }

    /// Splits a byte stream into lines without their endings: a watch's events, a log's lines.
    public static func lines<Bytes: AsyncSequence>(of bytes: Bytes) -> HTTPLineSequence<Bytes> where Bytes.Element == [UInt8] {
        HTTPLineSequence(bytes)
    }
}

/// The body of one streamed response; `HTTPClient.stream`'s stream calls `next()` for each piece.
final class HTTPClientBodySource: Sendable {
    // The exchange, taken out while a read is under way and put back after; nil once ended.
    // Taking it out (rather than holding the lock across an await, which `Mutex` forbids)
    // also makes a second, concurrent consumer see the end instead of interleaved reads.
    private let exchange: Mutex<HTTPClientExchange?>
    private let pool: HTTPConnectionPool

    init(exchange: HTTPClientExchange, pool: HTTPConnectionPool) {
        self.exchange = Mutex(exchange)
        self.pool = pool
    }

    // The consumer let go before the end: the connection is mid-response and cannot be reused.
    deinit { exchange.withLock { $0?.socket.close() } }

    /// The next piece of the body; nil at its end, when the connection is parked or closed.
    func next() async throws -> [UInt8]? {
        guard var current = exchange.withLock({ $0.take() }) else { return nil }
        do {
            if let piece = try await current.nextBodyPiece() {
                exchange.withLock { $0 = current }
                return piece
            }
            current.finish(into: pool)
            return nil
        } catch {
            current.socket.close()
            throw error
        }
    }
}
