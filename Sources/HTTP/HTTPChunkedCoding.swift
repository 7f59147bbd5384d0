// Stage 1 · HTTP: the grammar of chunked framing, shared by the request and response parsers.
//
// A chunked body (RFC 9112 §7.1) is a series of chunks, each a size line and that many
// bytes, ended by a chunk of size zero and an optional trailer section:
//
//     5;name=value\r\n      ← chunk-size in hexadecimal, optional extensions (ignored)
//     hello\r\n             ← exactly 5 bytes of data, then a line ending
//     0\r\n                 ← the last chunk
//     Expires: never\r\n    ← trailer fields (tolerated, and dropped)
//     \r\n                  ← the end of the body
//
// The server's request parser and the client's response parser step through the same
// framing with their own states; what they share is the judgement of one size line.
// (Writing chunks is `HTTPBodyWriter.chunk`, stage 1's.)

/// Chunked transfer coding helpers, used by `HTTPRequestParser` and `HTTPResponseParser`.
package enum HTTPChunkedCoding {
    /// The longest chunk-size line (size and extensions) read before giving up, as Go's limit.
    package static let maxSizeLineBytes = 4096
    /// The most hexadecimal digits a size may have: 15 digits cannot overflow an `Int`,
    /// and a larger chunk is larger than any body either side accepts.
    static let maxSizeDigits = 15

    /// What a chunk-size line says.
    package enum SizeLine: Equatable {
        /// A chunk of this many bytes follows; 0 is the last chunk.
        case size(Int)
        /// The line is not `1*HEXDIG [ BWS ";" … ]`.
        case malformed
        /// The size has more digits than any acceptable chunk.
        case tooLarge
    }

    /// Reads a chunk-size line (without its line ending), ignoring chunk extensions.
    package static func parseSizeLine(_ line: ArraySlice<UInt8>) -> SizeLine {
        let digits = line.prefix { hexValue($0) != nil }
        guard !digits.isEmpty else { return .malformed }
        // After the digits only extensions may follow, introduced by `;` (with optional
        // whitespace before it): `5 junk` is refused, not read as 5.
        let rest = line[digits.endIndex...].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard rest.isEmpty || rest.first == UInt8(ascii: ";") else { return .malformed }
        guard rest.allSatisfy({ $0 == UInt8(ascii: "\t") || (0x20...0x7E).contains($0) || $0 >= 0x80 }) else {
            return .malformed
        }
        let significant = digits.drop { $0 == UInt8(ascii: "0") }
        guard significant.count <= maxSizeDigits else { return .tooLarge }
        return .size(significant.reduce(0) { $0 * 16 + Int(hexValue($1)!) })
    }

    /// The value of one hexadecimal digit, or nil.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        HTTPRequest.hexValue(byte)
    }
}
