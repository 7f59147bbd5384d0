// Stage 1 · HTTP: how a streaming handler sends its body, piece by piece.
//
// A streamed response has no length known in advance, so HTTP/1.1 frames it in chunks
// (RFC 9112 §7.1): each piece is sent as its size in hexadecimal, CRLF, the bytes,
// CRLF, and a zero-size chunk ends the body. Every `write` goes out at once, so a
// client following a log sees each line when it is written, not when a buffer fills.
// (An HTTP/1.0 client does not know chunks; it gets the raw bytes, and the end of the
// body is the connection closing.)
//
// The writer is deliberately not `Sendable`: it belongs to the one task running the
// producer, so two writes can never interleave their bytes on the wire.

/// The sink a streaming response's producer writes to; made by the connection serving it.
public final class HTTPBodyWriter {
    /// How the body's end is marked on the wire.
    enum Framing {
        /// HTTP/1.1: size-prefixed chunks, then a zero-size chunk.
        case chunked
        /// HTTP/1.0: raw bytes, then the connection closes.
        case untilClose
    }

    private let socket: Socket
    private let framing: Framing

    init(socket: Socket, framing: Framing) {
        self.socket = socket
        self.framing = framing
    }

    /// Sends `bytes` to the client now, as one chunk; throws once the client has gone.
    public func write(_ bytes: [UInt8]) async throws {
        // An empty chunk would mean "end of body", so writing nothing must send nothing.
        guard !bytes.isEmpty else { return }
        switch framing {
        case .chunked: try await socket.write(Self.chunk(bytes))
        case .untilClose: try await socket.write(bytes)
        }
    }

    /// Sends `text` as UTF-8, as one chunk.
    public func write(_ text: String) async throws {
        try await write(Array(text.utf8))
    }

    /// Whether the client has disconnected, checked without waiting or reading.
    ///
    /// A producer that waits for data to appear (a log follower, between lines) calls this
    /// on each wake-up, so it stops when its client leaves even when it has nothing to write.
    public func isClientGone() -> Bool {
        socket.isPeerGone()
    }

    /// Marks the end of the body; the connection calls it when the producer returns.
    func finish() async throws {
        if case .chunked = framing { try await socket.write(Self.lastChunk) }
    }

    /// One chunk on the wire: size in hex, CRLF, data, CRLF.
    static func chunk(_ bytes: [UInt8]) -> [UInt8] {
        Array(String(bytes.count, radix: 16).utf8) + crlf + bytes + crlf
    }

    /// The zero-size chunk and the empty trailer section that end a chunked body.
    static let lastChunk = Array("0\r\n\r\n".utf8)
    static let crlf: [UInt8] = [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
}
