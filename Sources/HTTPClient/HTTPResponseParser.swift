// Stage 2 · HTTPClient: the client's response parser, a state machine that does no I/O.
//
// The mirror of the server's `HTTPRequestParser`: bytes go in, in whatever pieces the
// socket gave, and events come out: the head once, body pieces as they are decoded, and
// the end. Pieces are handed out as soon as they are decoded, which is what lets
// `HTTPClient.stream` pass a watch event on before the response (which may never end) has
// ended. The body's framing follows RFC 9112 §6.3, in its order of precedence:
//
//     statusLine ─▶ headers ─┬─ HEAD request, 1xx, 204, 304 ───────────────────▶ complete
//        ▲  1xx interim │    ├─ Transfer-Encoding: …chunked ─▶ chunkSize ⇄ chunkData ─▶ trailers ─▶ complete
//        └──────────────┘    ├─ Content-Length: n ─▶ body(remaining:) ─────────▶ complete
//                            └─ neither ─▶ untilClose ──end of stream──────────▶ complete
//
// Only a response that ends by its own framing leaves the connection reusable; one that
// ends with the connection (`untilClose`) obviously does not.

import HTTP

/// Turns a server's bytes into a response head, body pieces and an end; one per response.
struct HTTPResponseParser: Sendable {
    /// The largest status line plus header section accepted from a server.
    static let maxHeadBytes = 64 * 1024

    /// Where the parser is in the response.
    enum State: Equatable {
        case statusLine
        case headers
        case body(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case untilClose
        case complete
    }

    /// What the bytes fed so far produced, in order.
    enum Event: Sendable {
        /// The status line and headers; always first, exactly once.
        case head(HTTPClientResponseHead)
        /// A decoded piece of the body.
        case body([UInt8])
        /// The body is complete; always last.
        case end
    }

    /// The method of the request this answers: a HEAD's response has no body whatever it says.
    let requestMethod: String
    private(set) var state: State = .statusLine
    // Invariant: `buffer[start...]` is input not consumed yet; `buffer[start..<scanned]` has no line feed.
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var head = HTTPClientResponseHead(status: .ok)
    private var headBytes = 0
    // Whether the body's end is the connection's end, which rules out reusing it.
    private var endsWithConnection = false

    init(requestMethod: String) {
        self.requestMethod = requestMethod
    }

    /// Whether the response is complete, and the connection may carry another request:
    /// its framing ended it, the server allows keep-alive, and nothing followed it.
    var leavesConnectionReusable: Bool {
        state == .complete && !endsWithConnection && head.allowsKeepAlive && start == buffer.count
    }

    /// Feeds the bytes just read and returns the events they completed.
    mutating func parse(_ bytes: some Collection<UInt8>) throws(HTTPClientError) -> [Event] {
        buffer.append(contentsOf: bytes)
        var events: [Event] = []
        while state != .complete, try step(into: &events) {}
        buffer.removeSubrange(0..<start)
        scanned -= start
        start = 0
        return events
    }

    /// The server closed the connection: ends an `untilClose` body, and is an error anywhere
    /// else in a response.
    mutating func finish() throws(HTTPClientError) -> [Event] {
        switch state {
        case .untilClose:
            state = .complete
            return [.end]
        case .complete:
            return []
        default:
            throw .connectionClosed
        }
    }

    /// Takes one step; false when the buffered input is used up.
    private mutating func step(into events: inout [Event]) throws(HTTPClientError) -> Bool {
        switch state {
        case .statusLine:
            guard let line = try nextLine(limit: Self.maxHeadBytes, tooLong: .responseTooLarge) else { return false }
            head = try Self.parseStatusLine(line)
            headBytes = line.count
            state = .headers

        case .headers:
            guard let line = try nextLine(limit: Self.maxHeadBytes - headBytes, tooLong: .responseTooLarge) else {
                return false
            }
            if line.isEmpty {
                try startBody(into: &events)
                return true
            }
            headBytes += line.count
            guard let field = try? HTTPRequestParser.parseHeaderLine(line) else {
                throw .malformedResponse("bad header line")
            }
            head.headers.add(name: field.name, value: field.value)

        case .body(let remaining):
            let take = min(buffer.count - start, remaining)
            guard take > 0 else { return false }
            events.append(.body(Array(buffer[start..<(start + take)])))
            start += take
            scanned = start
            state = take == remaining ? .complete : .body(remaining: remaining - take)
            if state == .complete { events.append(.end) }

        case .untilClose:
            guard start < buffer.count else { return false }
            events.append(.body(Array(buffer[start...])))
            start = buffer.count
            scanned = start
            return false

        case .chunkSize, .chunkData, .chunkDataEnd, .trailers:
            return try stepChunked(into: &events)

        case .complete:
            return false
        }
        return true
    }

    /// After the header section: emits the head and chooses the body's framing.
    private mutating func startBody(into events: inout [Event]) throws(HTTPClientError) {
        // 1xx responses (100 Continue, 103 Early Hints) are interim: the real one follows.
        if (100..<200).contains(head.status.code) && head.status.code != 101 {
            state = .statusLine
            return
        }
        events.append(.head(head))
        if requestMethod == "HEAD" || !head.status.allowsBody {
            state = .complete
            events.append(.end)
            return
        }
        let codings = head.headers.values(for: "Transfer-Encoding")
            .flatMap { $0.split(separator: ",") }.map(\.trimmingSpaces)
        if let last = codings.last {
            // Chunked last: the chunks frame the body. Any other coding: the close does.
            if HTTPHeaders.namesMatch(last, "chunked") {
                state = .chunkSize
            } else {
                state = .untilClose
                endsWithConnection = true
            }
            return
        }
        let lengths = head.headers.values(for: "Content-Length")
            .flatMap { $0.split(separator: ",") }.map(\.trimmingSpaces)
        guard let first = lengths.first else {
            state = .untilClose
            endsWithConnection = true
            return
        }
        guard lengths.allSatisfy({ $0 == first }), !first.isEmpty, first.utf8.allSatisfy(HTTPRequestParser.isDigit),
              first.utf8.count <= HTTPRequestParser.maxContentLengthDigits, let length = Int(first) else {
            throw .malformedResponse("invalid Content-Length")
        }
        if length == 0 {
            state = .complete
            events.append(.end)
        } else {
            state = .body(remaining: length)
        }
    }

    /// One step through a chunked body (the framing is described in `HTTPChunkedCoding`).
    private mutating func stepChunked(into events: inout [Event]) throws(HTTPClientError) -> Bool {
        let badChunk = HTTPClientError.malformedResponse("bad chunked framing")
        switch state {
        case .chunkSize:
            guard let line = try nextLine(limit: HTTPChunkedCoding.maxSizeLineBytes, tooLong: badChunk) else { return false }
            switch HTTPChunkedCoding.parseSizeLine(line) {
            case .malformed: throw badChunk
            case .tooLarge: throw .responseTooLarge
            case .size(0): state = .trailers
            case .size(let size): state = .chunkData(remaining: size)
            }
        case .chunkData(let remaining):
            let take = min(buffer.count - start, remaining)
            guard take > 0 else { return false }
            events.append(.body(Array(buffer[start..<(start + take)])))
            start += take
            scanned = start
            state = take == remaining ? .chunkDataEnd : .chunkData(remaining: remaining - take)
        case .chunkDataEnd:
            guard try nextLine(limit: 0, tooLong: badChunk) != nil else { return false }
            state = .chunkSize
        case .trailers:
            // Trailer lines share the head's budget, so endless trailers are refused too.
            guard let line = try nextLine(limit: Self.maxHeadBytes - headBytes, tooLong: .responseTooLarge) else {
                return false
            }
            headBytes += line.count
            if line.isEmpty {
                state = .complete
                events.append(.end)
            }
        default:
            return false
        }
        return true
    }

    /// The next line without its ending; nil until its end has arrived.
    private mutating func nextLine(limit: Int, tooLong: HTTPClientError) throws(HTTPClientError) -> ArraySlice<UInt8>? {
        guard let lineFeed = buffer[scanned...].firstIndex(of: HTTPRequestParser.lf) else {
            scanned = buffer.count
            if buffer.count - start > limit + 1 { throw tooLong }
            return nil
        }
        var end = lineFeed
        if end > start && buffer[end - 1] == HTTPRequestParser.cr { end -= 1 }
        let line = buffer[start..<end]
        if line.count > limit { throw tooLong }
        start = lineFeed + 1
        scanned = start
        return line
    }

    /// Parses `HTTP/1.x SP 3DIGIT [SP reason]`.
    static func parseStatusLine(_ line: ArraySlice<UInt8>) throws(HTTPClientError) -> HTTPClientResponseHead {
        let parts = line.split(separator: UInt8(ascii: " "), maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, let version = try? HTTPRequestParser.parseVersion(parts[0]),
              parts[1].count == 3, parts[1].allSatisfy(HTTPRequestParser.isDigit),
              let code = Int(String(decoding: parts[1], as: UTF8.self)) else {
            throw .malformedResponse("bad status line \(String(decoding: line.prefix(80), as: UTF8.self))")
        }
        let reason = parts.count > 2 ? String(decoding: parts[2], as: UTF8.self) : ""
        return HTTPClientResponseHead(status: HTTPStatus(code: code, reason: reason), version: version)
    }
}
