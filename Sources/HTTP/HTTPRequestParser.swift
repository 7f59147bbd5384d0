// Stage 1 · HTTP: the request parser, a state machine that does no I/O.
//
// Bytes arrive from a socket in arbitrary pieces: half a request line, three pipelined
// requests at once, a body split across twenty reads. The parser takes whatever arrived
// (`parse(_:)`) and hands back every request that is now complete, keeping the rest
// for next time. Because it never reads a socket, the tests can feed it any input split
// at any byte and check it gives the same answer every time.
//
//     requestLine ──line──▶ headers ──blank line──▶ body(remaining:) ──all bytes──▶ requestLine
//          ▲                   │                        (skipped when the length is 0)
//          └───────────────────┴─ any violation ─▶ failed (terminal: the connection closes)
//
// Every line and the body is checked against `HTTPLimits` while it is still arriving,
// so a client can make the parser hold at most a limit's worth of bytes.
//
// Chunked request bodies add four more states after `headers`; their diagram and code
// are in HTTPRequestParser+Chunked.swift.

/// Turns the bytes a client sends into complete requests; one per connection, owned by it.
public struct HTTPRequestParser: Sendable {
    /// Where the parser is in the request it is reading.
    public enum State: Sendable, Equatable {
        /// Waiting for a request line; blank lines before it are skipped (RFC 9112 §2.2).
        case requestLine
        /// Reading header lines until the blank line that ends the header section.
        case headers
        /// Reading a `Content-Length` body, of which `remaining` bytes are still to come.
        case body(remaining: Int)
        // Chunked request bodies: see HTTPRequestParser+Chunked.swift.
        /// Reading a chunk-size line of a chunked body.
        case chunkSize
        /// Reading a chunk's data, of which `remaining` bytes are still to come.
        case chunkData(remaining: Int)
        /// Reading the line ending that follows a chunk's data.
        case chunkDataEnd
        /// Reading the trailer section after the last chunk, up to its blank line.
        case trailers
        /// A request was refused; later input is ignored and the connection must close.
        case failed(HTTPParseError)
    }

    /// What one call to `parse(_:)` produced, in order.
    public enum Output: Sendable {
        /// A complete, valid request.
        case request(HTTPRequest)
        /// A refused request; always the last output, and the parser is `failed` after it.
        case failure(HTTPParseError)
    }

    public let limits: HTTPLimits
    /// Where the parser is now; tests read it, the connection need not.
    // Settable within the module so HTTPRequestParser+Chunked.swift can step it.
    public internal(set) var state: State = .requestLine

    // Invariant: `buffer[start...]` is input not yet consumed, and `buffer[start..<scanned]`
    // is known to hold no line feed, so input arriving a byte at a time is scanned once.
    // (Internal rather than private, for HTTPRequestParser+Chunked.swift.)
    var buffer: [UInt8] = []
    var start = 0
    var scanned = 0
    // The request being assembled, from its request line until its body is complete.
    var request = HTTPRequest(method: "", target: "")
    // Header bytes of `request` so far (line contents, without line endings); chunked
    // bodies count their trailer lines here too.
    var headerSectionBytes = 0

    /// A parser at the start of a connection, enforcing `limits`.
    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
    }

    /// Whether the parser holds no part of a request: the connection may close cleanly here.
    public var isBetweenRequests: Bool {
        state == .requestLine && buffer[start...].allSatisfy { $0 == Self.cr || $0 == Self.lf }
    }

    /// Feeds the bytes just read and returns the requests (or the failure) they completed.
    public mutating func parse(_ bytes: some Collection<UInt8>) -> [Output] {
        if case .failed = state { return [] }
        buffer.append(contentsOf: bytes)
        var outputs: [Output] = []
        do {
            while let request = try nextRequest() { outputs.append(.request(request)) }
        } catch {
            state = .failed(error)
            buffer = []
            start = 0
            scanned = 0
            outputs.append(.failure(error))
        }
        // Drop consumed bytes once a call, so the buffer never holds finished requests.
        buffer.removeSubrange(0..<start)
        scanned -= start
        start = 0
        return outputs
    }

    /// Advances the state machine until a request is complete (returned) or input runs out (nil).
    private mutating func nextRequest() throws(HTTPParseError) -> HTTPRequest? {
        while true {
            switch state {
            case .requestLine:
                guard let line = try nextLine(limit: limits.maxRequestLineBytes, tooLong: .requestLineTooLong) else {
                    return nil
                }
                if line.isEmpty { continue }
                request = try Self.parseRequestLine(line)
                try Self.checkPath(of: request)
                headerSectionBytes = 0
                state = .headers

            case .headers:
                let room = limits.maxHeaderSectionBytes - headerSectionBytes
                guard let line = try nextLine(limit: room, tooLong: .headerSectionTooLarge) else { return nil }
                if line.isEmpty {
                    try checkHost()
                    // Chunked request bodies: see HTTPRequestParser+Chunked.swift.
                    if try startsChunkedBody() { continue }
                    let length = try bodyLength()
                    if length == 0 { return finishRequest() }
                    state = .body(remaining: length)
                    continue
                }
                headerSectionBytes += line.count
                guard request.headers.count < limits.maxHeaderCount else { throw .tooManyHeaders }
                let field = try Self.parseHeaderLine(line)
                request.headers.add(name: field.name, value: field.value)

            case .body(let remaining):
                let take = min(buffer.count - start, remaining)
                request.body.append(contentsOf: buffer[start..<(start + take)])
                start += take
                scanned = start
                if take == remaining { return finishRequest() }
                state = .body(remaining: remaining - take)
                return nil

            // Chunked request bodies: see HTTPRequestParser+Chunked.swift.
            case .chunkSize, .chunkData, .chunkDataEnd, .trailers:
                switch try advanceChunkedBody() {
                case .needsInput: return nil
                case .advanced: continue
                case .finished: return finishRequest()
                }

            case .failed:
                return nil
            }
        }
    }

    /// Hands out the assembled request and gets ready for the next one on the connection.
    private mutating func finishRequest() -> HTTPRequest {
        let finished = request
        request = HTTPRequest(method: "", target: "")
        state = .requestLine
        return finished
    }

    /// The next line without its ending (CRLF, or a bare LF, which RFC 9112 §2.2 lets us accept);
    /// nil when its end has not arrived yet, and an error as soon as it is longer than `limit`.
    mutating func nextLine(limit: Int, tooLong: HTTPParseError) throws(HTTPParseError) -> ArraySlice<UInt8>? {
        guard let lineFeed = buffer[scanned...].firstIndex(of: Self.lf) else {
            scanned = buffer.count
            // One byte of slack: a CR that will turn out to be part of the line ending.
            if buffer.count - start > limit + 1 { throw tooLong }
            return nil
        }
        var end = lineFeed
        if end > start && buffer[end - 1] == Self.cr { end -= 1 }
        let line = buffer[start..<end]
        if line.count > limit { throw tooLong }
        start = lineFeed + 1
        scanned = start
        return line
    }

    /// The body length the headers announce; 0 when they announce none (RFC 9112 §6.3).
    private func bodyLength() throws(HTTPParseError) -> Int {
        if request.headers.contains("Transfer-Encoding") { throw .unsupportedTransferEncoding }
        let values = request.headers.values(for: "Content-Length")
        guard !values.isEmpty else { return 0 }
        // `Content-Length: 5, 5` and two equal fields are allowed; any disagreement is an
        // attack (request smuggling) or a bug, and is refused (RFC 9112 §6.3, item 5).
        let items = values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.map(\.trimmingSpaces)
        guard let first = items.first, items.allSatisfy({ $0 == first }),
              !first.isEmpty, first.utf8.allSatisfy({ Self.isDigit($0) }) else {
            throw .invalidContentLength
        }
        // More digits than any limit could need: too large, without risking Int overflow.
        guard first.utf8.count <= Self.maxContentLengthDigits, let length = Int(first) else { throw .bodyTooLarge }
        guard length <= limits.maxBodyBytes else { throw .bodyTooLarge }
        return length
    }

    /// Longest `Content-Length` parsed as a number; longer is larger than any body we take.
    package static let maxContentLengthDigits = 15
    package static let cr = UInt8(ascii: "\r")
    package static let lf = UInt8(ascii: "\n")
}
