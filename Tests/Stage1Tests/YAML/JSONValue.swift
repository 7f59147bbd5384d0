// Stage 1 · YAML tests: a small JSON reader, so tests compare values, not text.
//
// The corpus holds PyYAML's reading of each manifest as JSON; comparing it with ours as
// values (numbers by value, so 1 and 1.0 agree; object members in any order) keeps the
// tests independent of formatting. Foundation's JSONSerialization would blur `true`
// into `1` on Linux, hence this reader. It accepts Python's `NaN` and `Infinity`.

import YAML

/// A JSON value as the tests compare it.
enum JSONValue: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members in the order they were written.
    case object([Member])

    struct Member: Equatable {
        var key: String
        var value: JSONValue
    }

    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.number(x), .number(y)): x == y || (x.isNaN && y.isNaN)
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        // The corpus was written with sorted keys, so members compare in any order;
        // the order of our own output is checked by the JSON rendering tests.
        case let (.object(x), .object(y)):
            x.count == y.count && x.sorted { $0.key < $1.key } == y.sorted { $0.key < $1.key }
        default: false
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let members): "{" + members.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    struct ParseError: Error {
        var offset: Int
    }

    /// Parses JSON text (throws on anything malformed).
    static func parse(_ text: String) throws -> JSONValue {
        var parser = Parser(bytes: Array(text.utf8))
        let value = try parser.value()
        parser.skipSpaces()
        guard parser.offset == parser.bytes.count else { throw ParseError(offset: parser.offset) }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var offset = 0

        var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

        mutating func skipSpaces() {
            while let b = peek, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { offset += 1 }
        }

        mutating func literal(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard offset + w.count <= bytes.count, Array(bytes[offset..<offset + w.count]) == w else { return false }
            offset += w.count
            return true
        }

        mutating func value() throws -> JSONValue {
            skipSpaces()
            guard let b = peek else { throw ParseError(offset: offset) }
            switch b {
            case UInt8(ascii: "{"):
                offset += 1
                var members: [Member] = []
                skipSpaces()
                if peek == UInt8(ascii: "}") { offset += 1; return .object(members) }
                while true {
                    skipSpaces()
                    guard case .string(let key) = try value() else { throw ParseError(offset: offset) }
                    skipSpaces()
                    guard literal(":") else { throw ParseError(offset: offset) }
                    members.append(Member(key: key, value: try value()))
                    skipSpaces()
                    if literal(",") { continue }
                    guard literal("}") else { throw ParseError(offset: offset) }
                    return .object(members)
                }
            case UInt8(ascii: "["):
                offset += 1
                var items: [JSONValue] = []
                skipSpaces()
                if peek == UInt8(ascii: "]") { offset += 1; return .array(items) }
                while true {
                    items.append(try value())
                    skipSpaces()
                    if literal(",") { continue }
                    guard literal("]") else { throw ParseError(offset: offset) }
                    return .array(items)
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            default:
                if literal("null") { return .null }
                if literal("true") { return .bool(true) }
                if literal("false") { return .bool(false) }
                if literal("NaN") { return .number(.nan) }
                if literal("Infinity") { return .number(.infinity) }
                if literal("-Infinity") { return .number(-.infinity) }
                let start = offset
                while let c = peek, "+-0123456789.eE".utf8.contains(c) { offset += 1 }
                guard let number = Double(String(decoding: bytes[start..<offset], as: UTF8.self)) else {
                    throw ParseError(offset: start)
                }
                return .number(number)
            }
        }

        mutating func string() throws -> String {
            offset += 1
            var units: [UInt16] = []
            var raw: [UInt8] = []
            func flushRaw() {
                units += String(decoding: raw, as: UTF8.self).utf16
                raw = []
            }
            while let b = peek {
                offset += 1
                if b == UInt8(ascii: "\"") {
                    flushRaw()
                    return String(decoding: units, as: UTF16.self)
                }
                guard b == UInt8(ascii: "\\") else { raw.append(b); continue }
                flushRaw()
                guard let e = peek else { break }
                offset += 1
                switch e {
                case UInt8(ascii: "n"): units.append(0x0A)
                case UInt8(ascii: "t"): units.append(0x09)
                case UInt8(ascii: "r"): units.append(0x0D)
                case UInt8(ascii: "b"): units.append(0x08)
                case UInt8(ascii: "f"): units.append(0x0C)
                case UInt8(ascii: "u"):
                    guard offset + 4 <= bytes.count,
                          let unit = UInt16(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16)
                    else { throw ParseError(offset: offset) }
                    units.append(unit)
                    offset += 4
                default: units.append(UInt16(e))
                }
            }
            throw ParseError(offset: offset)
        }
    }
}

extension JSONValue {
    /// The JSON value of a YAML node, read back from the node's own JSON rendering, so
    /// that comparing it also checks the renderer.
    init(_ documents: [YAMLNode]) throws {
        self = try JSONValue.parse(YAMLNode.jsonText(documents: documents))
    }
}
