// Stage 1 · HTTP: chunked request bodies, four more states of the request parser.
//
// A client that does not know its body's length in advance (curl reading stdin, Python's
// client with a generator) sends it in chunks instead of with a `Content-Length`:
//
//     headers ──blank line, Transfer-Encoding: chunked──▶ chunkSize ◀──────────────┐
//                                                          │    │                  │
//                                                 size > 0 │    │ size 0           │
//                                                          ▼    ▼                  │
//                            chunkData(remaining:) ──▶ chunkDataEnd ──CRLF─────────┘
//                                                          trailers ──blank line──▶ requestLine
//
// The body assembles in `request.body` exactly as a `Content-Length` body does, so the
// handler cannot tell the two apart. The same limits hold: the decoded body may not pass
// `maxBodyBytes` (413 as soon as a chunk size says it would), and the trailer lines count
// against the header section's cap (431). Trailer fields are checked and then dropped:
// RFC 9110 §6.5.1 lets a recipient discard them, and a handler that never sees them
// cannot be fooled by a field that arrived after the body it describes.
//
// A request that is chunked *and* has a `Content-Length`, or that is HTTP/1.0 and names
// a transfer coding, is refused (RFC 9112 §6.1, §6.3): two servers in a row could pick
// different framings, and that disagreement is the whole of a request smuggling attack.

extension HTTPRequestParser {
    /// What one step of the chunked states did; the main loop in `nextRequest` acts on it.
    enum ChunkedStep {
        /// The buffer holds no more of the body; wait for the next read.
        case needsInput
        /// The state moved on; step again.
        case advanced
        /// The trailer section ended: the request is complete.
        case finished
    }

    /// At the end of the headers: whether the body is chunked (moving to `chunkSize`), false
    /// when there is no `Transfer-Encoding`, and an error for one that cannot be served.
    mutating func startsChunkedBody() throws(HTTPParseError) -> Bool {
        let values = request.headers.values(for: "Transfer-Encoding")
        guard !values.isEmpty else { return false }
        // A server that does not decode chunks answers exactly as in stage 1.
        guard limits.acceptsChunkedBodies else { throw .unsupportedTransferEncoding }
        guard request.version.isAtLeastHTTP1_1, !request.headers.contains("Content-Length") else {
            throw .ambiguousBodyFraming
        }
        // Only `chunked` alone: `gzip, chunked` would need a decompressor we do not have.
        let codings = values.flatMap { $0.split(separator: ",") }.map(\.trimmingSpaces)
        guard codings.count == 1, HTTPHeaders.namesMatch(codings[0], "chunked") else {
            throw .unsupportedTransferEncoding
        }
        state = .chunkSize
        return true
    }

    /// Takes one step through a chunked body with the input buffered so far.
    mutating func advanceChunkedBody() throws(HTTPParseError) -> ChunkedStep {
        switch state {
        case .chunkSize:
            guard let line = try nextLine(limit: HTTPChunkedCoding.maxSizeLineBytes, tooLong: .invalidChunkedBody) else {
                return .needsInput
            }
            switch HTTPChunkedCoding.parseSizeLine(line) {
            case .malformed: throw .invalidChunkedBody
            case .tooLarge: throw .bodyTooLarge
            case .size(0): state = .trailers
            case .size(let size):
                // Refuse as soon as the size is known, before buffering a byte of it.
                guard size <= limits.maxBodyBytes - request.body.count else { throw .bodyTooLarge }
                state = .chunkData(remaining: size)
            }
            return .advanced

        case .chunkData(let remaining):
            let take = min(buffer.count - start, remaining)
            request.body.append(contentsOf: buffer[start..<(start + take)])
            start += take
            scanned = start
            if take == remaining {
                state = .chunkDataEnd
                return .advanced
            }
            state = .chunkData(remaining: remaining - take)
            return .needsInput

        case .chunkDataEnd:
            // A limit of 0 accepts only an empty line: the data must end exactly where its size said.
            guard try nextLine(limit: 0, tooLong: .invalidChunkedBody) != nil else { return .needsInput }
            state = .chunkSize
            return .advanced

        case .trailers:
            let room = limits.maxHeaderSectionBytes - headerSectionBytes
            guard let line = try nextLine(limit: room, tooLong: .headerSectionTooLarge) else { return .needsInput }
            if line.isEmpty { return .finished }
            headerSectionBytes += line.count
            _ = try Self.parseHeaderLine(line)
            return .advanced

        case .requestLine, .headers, .body, .failed:
            // `nextRequest` calls this only in the chunked states.
            assertionFailure("advanceChunkedBody called in state \(state)")
            return .needsInput
        }
    }

    /// Whether the parser is in the middle of a request's body (either framing), which
    /// tells the connection to run the body clock rather than the header clock.
    var isReadingBody: Bool {
        switch state {
        case .body, .chunkSize, .chunkData, .chunkDataEnd, .trailers: true
        case .requestLine, .headers, .failed: false
        }
    }
}
