// Stage 1 · HTTP: the clocks that stop a slow client from holding a connection forever.
//
// `HTTPLimits+APIServer.swift` draws the three clocks; this file runs them. Before each
// read, the connection asks `RequestClock` for the deadline that applies now:
//
//   - idle:  after a response, until the first byte of the next request (`idleTimeout`);
//   - head:  from the connection's opening, or from that first byte, until the blank line
//            that ends the headers (`headerTimeout`);
//   - body:  from the end of the head until the body is complete (`bodyTimeout`).
//
// A clock only moves forward (idle → head → body) until a response resets it to idle,
// so a client cannot restart one by trickling bytes. While the handler runs or a response
// streams, no read happens and no clock runs: a watch may stream for an hour.
//
// Reads race a sleep to the deadline in a task group; whichever finishes first wins and
// the other is cancelled. On a timeout, a client that sent part of a request gets 408
// (so `curl` says why); one that sent nothing is simply closed, as Go's server does.

extension HTTPConnection {
    /// Which clock runs and when it runs out; one per connection, advanced by `serve()`.
    struct RequestClock {
        /// What the connection is waiting for.
        enum Phase: Equatable {
            case idle
            case head
            case body
        }

        let limits: HTTPLimits
        private(set) var phase: Phase
        private(set) var deadline: ContinuousClock.Instant

        /// A fresh connection: the head clock runs from now (there was no earlier response).
        init(limits: HTTPLimits, now: ContinuousClock.Instant = .now) {
            self.limits = limits
            phase = .head
            deadline = now + limits.headerTimeout
        }

        /// Moves the clock forward to match what the parser holds, just before a read.
        mutating func observe(_ parser: HTTPRequestParser, now: ContinuousClock.Instant = .now) {
            let current: Phase = parser.isReadingBody ? .body : (parser.isBetweenRequests ? .idle : .head)
            switch (phase, current) {
            case (.idle, .head):
                phase = .head
                deadline = now + limits.headerTimeout
            case (.idle, .body), (.head, .body):
                phase = .body
                deadline = now + limits.bodyTimeout
            default:
                break  // never backwards: a fresh connection's head clock keeps running while idle
            }
        }

        /// A response was written: wait for the next request on the idle clock.
        mutating func responseFinished(now: ContinuousClock.Instant = .now) {
            phase = .idle
            deadline = now + limits.idleTimeout
        }
    }

    /// A client took longer than a clock allowed; thrown for the server's debug log line.
    struct RequestTimeout: Error, CustomStringConvertible {
        let phase: RequestClock.Phase
        var description: String { "client too slow: \(phase) timeout" }
    }

    /// The next bytes from the socket, or nil when `deadline` passes first.
    ///
    /// Bytes that have already arrived (most reads of a large body) are taken at once; only
    /// a read that must wait races the clock, which costs two tasks and a timer each time.
    func read(before deadline: ContinuousClock.Instant) async throws -> [UInt8]? {
        // The clock is looked at first, so that a client trickling bytes still runs out of time.
        guard ContinuousClock.now < deadline else { return nil }
        if let bytes = try socket.readIfArrived(maxBytes: Self.readChunkBytes) { return bytes }
        return try await withThrowingTaskGroup(of: [UInt8]?.self) { [socket] group in
            group.addTask { try await socket.read(maxBytes: Self.readChunkBytes) }
            group.addTask {
                try await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }

    /// Ends a connection whose clock ran out: 408 if a request had begun, then close.
    func timedOut(_ clock: RequestClock, parser: HTTPRequestParser) async throws {
        guard !parser.isBetweenRequests else { return }
        try await socket.write(HTTPResponse.encodeRefusal(status: .requestTimeout, message: "request not received in time"))
        throw RequestTimeout(phase: clock.phase)
    }
}
