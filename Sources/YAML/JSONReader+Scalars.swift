// Stage 1 · YAML: JSON's scalars — strings with their escapes, numbers, true/false/null.
//
// RFC 8259's grammar, read byte by byte. A string without escapes (nearly every string
// in a manifest) is one scan and one copy. Numbers follow JSON's shape exactly (`-0.5e3`
// yes, `01`, `+1`, `.5` and `1.` no); a whole number that fits `Int` is an `.int`, a
// longer one is kept as its digits (`.bigInteger`), anything with a fraction or an
// exponent a `.double`. Error messages are Go's encoding/json's, so a client reads what
// Kubernetes would have told it, with the line and column beside.

extension JSONParser {
    /// Reads a string starting at its opening quote.
    mutating func readString() throws(YAMLError) -> String {
        index += 1
        let start = index
        // The fast path: no escape before the closing quote.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw invalid(byte, "in string literal") }
            if byte & 0xC0 == 0x80 { continuationBytes += 1 }
            index += 1
        }
        var text = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                try readEscape(into: &text)
            case ..<0x20:
                throw invalid(byte, "in string literal")
            default:
                if byte & 0xC0 == 0x80 { continuationBytes += 1 }
                text.append(byte)
                index += 1
            }
        }
        throw endOfInput()
    }

    /// Reads the escape after a backslash, appending its UTF-8 to `text`.
    mutating func readEscape(into text: inout [UInt8]) throws(YAMLError) {
        guard let byte = current else { throw endOfInput() }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate pairs with a `\uDC00`…`\uDFFF` right after it; alone,
                // it is U+FFFD, as Go decodes it.
                if current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                    let saved = index
                    index += 2
                    let low = try readHex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        index = saved
                        scalar = 0xFFFD
                    }
                } else {
                    scalar = 0xFFFD
                }
            } else if (0xDC00..<0xE000).contains(scalar) {
                scalar = 0xFFFD
            }
            text.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
        default:
            index -= 1
            throw invalid(byte, "in string escape code")
        }
    }

    /// Four hex digits of a `\u` escape.
    mutating func readHex4() throws(YAMLError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current else { throw endOfInput() }
            guard let digit = Self.hexValue(byte) else { throw invalid(byte, "in \\u hexadecimal character escape") }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Reads a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func readNumber() throws(YAMLError) -> YAMLValue {
        let start = index
        let startMark = mark
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current else { throw endOfInput() }
        if first == UInt8(ascii: "0") {
            index += 1
        } else if Self.isDigit(first) {
            skipDigits()
        } else {
            throw invalid(first, "in numeric literal")
        }
        var isWhole = true
        if current == UInt8(ascii: ".") {
            isWhole = false
            index += 1
            try requireDigit()
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isWhole = false
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            try requireDigit()
            skipDigits()
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isWhole {
            if let value = Int(text) { return .int(value) }
            return .bigInteger(text == "-0" ? "0" : text)
        }
        guard let value = Double(text), value.isFinite else {
            throw YAMLError("cannot unmarshal number \(text): it is beyond the range of a 64-bit float", at: startMark)
        }
        return .double(value)
    }

    mutating func skipDigits() {
        while let byte = current, Self.isDigit(byte) { index += 1 }
    }

    mutating func requireDigit() throws(YAMLError) {
        guard let byte = current else { throw endOfInput() }
        guard Self.isDigit(byte) else { throw invalid(byte, "in numeric literal") }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Reads `true`, `false` or `null`, whose first letter has been seen.
    mutating func readLiteral(_ word: StaticString) throws(YAMLError) {
        let expected = word.withUTF8Buffer { Array($0) }
        for letter in expected {
            guard let byte = current else { throw endOfInput() }
            guard byte == letter else {
                throw invalid(byte, "in literal \(word) (expecting \(Self.quoted(letter)))")
            }
            index += 1
        }
    }

    // MARK: Errors, worded as Go's encoding/json words them

    /// "invalid character 'x' <context>", at the character.
    func invalid(_ byte: UInt8, _ context: String) -> YAMLError {
        YAMLError("invalid character \(Self.quoted(byte)) \(context)", at: mark)
    }

    func endOfInput() -> YAMLError {
        YAMLError("unexpected end of JSON input", at: mark)
    }

    /// A byte as Go's `quoteChar` shows it: `'x'`, `'\n'`, `'\x01'`, `'\''`.
    static func quoted(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "'"): return "'\\''"
        case 0x0A: return "'\\n'"
        case 0x0D: return "'\\r'"
        case 0x09: return "'\\t'"
        case 0x08: return "'\\b'"
        case 0x0C: return "'\\f'"
        case 0x07: return "'\\a'"
        case 0x0B: return "'\\v'"
        case UInt8(ascii: "\\"): return "'\\\\'"
        case 0x20..<0x7F: return "'\(Character(Unicode.Scalar(byte)))'"
        case 0xA0...0xFF where byte != 0xAD: return "'\(Character(Unicode.Scalar(byte)))'"
        case 0x80...0xFF:
            let hex = String(byte, radix: 16)
            return "'\\u00\(hex)'"
        default:
            let hex = String(byte, radix: 16)
            return "'\\x\(hex.count == 1 ? "0" + hex : hex)'"
        }
    }
}
