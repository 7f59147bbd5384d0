// Stage 1 · HTTP: the grammar of a request line and a header line (RFC 9112 §3, §5).
//
// These functions judge one complete line. They are strict where leniency lets two
// parsers disagree about a request (whitespace before a header's colon, folded header
// lines, control bytes), because such disagreement is how request smuggling works; a
// request that fails here gets a 400 instead of a guess.

extension HTTPRequestParser {
    /// Parses `METHOD SP request-target SP HTTP-version` into a request with no headers yet.
    static func parseRequestLine(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPRequest {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformedRequestLine }
        let method = parts[0], target = parts[1], version = parts[2]
        guard !method.isEmpty, method.allSatisfy(isTokenByte) else { throw .malformedRequestLine }
        // A target is visible ASCII; anything else (spaces, controls, raw UTF-8) must be percent-encoded.
        guard !target.isEmpty, target.allSatisfy({ (0x21...0x7E).contains($0) }) else { throw .malformedRequestLine }
        return HTTPRequest(
            method: String(decoding: method, as: UTF8.self),
            target: String(decoding: target, as: UTF8.self),
            version: try parseVersion(version)
        )
    }

    /// Parses `HTTP/d.d`; a well-formed version other than 1.x is refused with its own error.
    package static func parseVersion(_ text: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        let bytes = Array(text)
        guard bytes.count == 8, bytes.starts(with: Array("HTTP/".utf8)),
              isDigit(bytes[5]), bytes[6] == UInt8(ascii: "."), isDigit(bytes[7]) else {
            throw .malformedRequestLine
        }
        let version = HTTPVersion(major: Int(bytes[5] - UInt8(ascii: "0")), minor: Int(bytes[7] - UInt8(ascii: "0")))
        guard version.major == 1 else { throw .unsupportedVersion }
        return version
    }

    /// Parses `name ":" OWS value OWS` into a field.
    package static func parseHeaderLine(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPHeaders.Field {
        // A line starting with whitespace continues the previous one ("obsolete folding");
        // RFC 9112 §5.2 lets a server reject it, which is safer than joining lines; the
        // token check on the name below does, since whitespace is not a token byte.
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .malformedHeader }
        let name = line[line.startIndex..<colon]
        // Token bytes only, so `Host : x` (a space before the colon) is refused, as §5.1 requires.
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else { throw .malformedHeader }
        var value = line[(colon + 1)...]
        while let first = value.first, isSpaceOrTab(first) { value = value.dropFirst() }
        while let last = value.last, isSpaceOrTab(last) { value = value.dropLast() }
        guard value.allSatisfy(isFieldValueByte) else { throw .malformedHeader }
        return (name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
    }

    /// Whether `byte` may appear in a token (a method or a header name), RFC 9110 §5.6.2.
    package static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            tokenPunctuation.contains(byte)
        }
    }

    /// The punctuation allowed in a token besides letters and digits.
    static let tokenPunctuation: Set<UInt8> = Set("!#$%&'*+-.^_`|~".utf8)

    /// Whether `byte` may appear in a field value: visible ASCII, space, tab, or obs-text (≥ 0x80).
    package static func isFieldValueByte(_ byte: UInt8) -> Bool {
        isSpaceOrTab(byte) || (0x21...0x7E).contains(byte) || byte >= 0x80
    }

    /// Whether `byte` is an ASCII decimal digit.
    package static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// Whether `byte` is HTTP's whitespace inside a line: space or horizontal tab.
    static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
}
