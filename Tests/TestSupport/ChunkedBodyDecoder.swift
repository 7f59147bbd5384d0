// Stage 1 · Test harness: decoding `Transfer-Encoding: chunked` bodies as bytes arrive.
//
// A streaming response (`/containerLogs/…?follow=true`, later watch streams) has no
// length: the server sends chunks, each `<size in hex>\r\n<bytes>\r\n`, and ends with a
// zero-size chunk and optional trailers. The decoder is a pure state machine — feed it
// whatever the socket returned, get back the body bytes complete so far — so it is
// tested without any I/O, and chunk boundaries may fall anywhere in a read.

/// Turns chunked transfer coding back into body bytes; used by `TestHTTPClient`.
struct ChunkedBodyDecoder: Sendable {
    /// The longest chunk-size or trailer line accepted, so garbage fails fast.
    static let maxLineLength = 4096

    /// Where in the chunked framing the decoder is.
    private enum State: Sendable {
        /// Expecting a `<hex size>[;extensions]\r\n` line.
        case size
        /// Inside a chunk's data, with this many bytes to go.
        case data(remaining: Int)
        /// Expecting the `\r\n` after a chunk's data.
        case dataEnd
        /// After the last (zero-size) chunk: trailer lines until an empty one.
        case trailers
        /// The body is complete; anything further is ignored.
        case done
    }

    private var state = State.size
    /// Bytes received but not yet decodable (a partial size line, for example).
    private var pending: [UInt8] = []

    /// True once the terminating zero-size chunk and trailers have arrived.
    var isComplete: Bool {
        if case .done = state { return true }
        return false
    }

    /// Consumes `bytes` and returns the body bytes they complete; throws on malformed framing.
    mutating func feed(_ bytes: some Collection<UInt8>) throws -> [UInt8] {
        pending.append(contentsOf: bytes)
        var body: [UInt8] = []
        var position = pending.startIndex
        decoding: while true {
            switch state {
            case .size:
                guard let line = try takeLine(from: &position) else { break decoding }
                let hex = line.prefix { $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: " ") }
                guard let size = Int(String(decoding: hex, as: UTF8.self), radix: 16), size >= 0 else {
                    throw HarnessError("malformed chunk size line: \"\(String(decoding: line, as: UTF8.self))\"")
                }
                state = size == 0 ? .trailers : .data(remaining: size)
            case .data(let remaining):
                let available = min(remaining, pending.endIndex - position)
                guard available > 0 else { break decoding }
                body.append(contentsOf: pending[position..<position + available])
                position += available
                state = remaining == available ? .dataEnd : .data(remaining: remaining - available)
            case .dataEnd:
                guard let line = try takeLine(from: &position) else { break decoding }
                guard line.isEmpty else { throw HarnessError("chunk data longer than its declared size") }
                state = .size
            case .trailers:
                guard let line = try takeLine(from: &position) else { break decoding }
                if line.isEmpty { state = .done }
            case .done:
                position = pending.endIndex
                break decoding
            }
        }
        pending.removeSubrange(..<position)
        return body
    }

    /// Takes one CRLF-terminated line starting at `position`, or nil if it is incomplete.
    private func takeLine(from position: inout Int) throws -> ArraySlice<UInt8>? {
        let rest = pending[position...]
        guard let end = rest.firstRange(of: [13, 10]) else {
            if rest.count > Self.maxLineLength { throw HarnessError("chunk framing line too long") }
            return nil
        }
        position = end.upperBound
        return rest[..<end.lowerBound]
    }
}
