// Stage 2 · APIMachinery: the members a JSON text writes twice in one object.
//
// `{"image": "a", "image": "b"}` is legal JSON, and a decoder keeps one of the two
// values without a word. Kubernetes' strict decoding reports each such member,
// `duplicate field "spec.containers[0].image"`, beside the unknown fields (and, under
// Warn, keeps the last value, as decoding here does too). Parsed values have lost the
// repetition, so this reads the text itself: a small scanner that follows the nesting
// of objects and arrays, keeps the keys seen in each object, and skips every scalar.
// Text that is not JSON (YAML, or a broken body) yields what was found before the
// scanner lost its way; the decoder reports the rest.

/// Finds duplicate object members in a JSON text, by their paths.
public enum DuplicateFields {
    /// The path of every member that repeats an earlier key of its object.
    public static func paths(in text: [UInt8]) -> [String] {
        var scanner = Scanner(bytes: text)
        scanner.value(path: "")
        return scanner.found
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var found: [String] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        /// Reads one value; returns false when the text stops making sense.
        @discardableResult
        mutating func value(path: String) -> Bool {
            skipSpace()
            switch current {
            case UInt8(ascii: "{"): return object(path: path)
            case UInt8(ascii: "["): return array(path: path)
            case UInt8(ascii: "\""): return string() != nil
            case nil: return false
            default:
                while let byte = current, !",]} \n\r\t".utf8.contains(byte) { index += 1 }
                return true
            }
        }

        mutating func object(path: String) -> Bool {
            index += 1
            var keys = Set<String>()
            skipSpace()
            if current == UInt8(ascii: "}") { index += 1; return true }
            while true {
                skipSpace()
                guard current == UInt8(ascii: "\""), let key = string() else { return false }
                let child = path.isEmpty ? key : "\(path).\(key)"
                if !keys.insert(key).inserted { found.append(child) }
                skipSpace()
                guard current == UInt8(ascii: ":") else { return false }
                index += 1
                guard value(path: child) else { return false }
                skipSpace()
                switch current {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"): index += 1; return true
                default: return false
                }
            }
        }

        mutating func array(path: String) -> Bool {
            index += 1
            skipSpace()
            if current == UInt8(ascii: "]") { index += 1; return true }
            var position = 0
            while true {
                guard value(path: "\(path)[\(position)]") else { return false }
                position += 1
                skipSpace()
                switch current {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"): index += 1; return true
                default: return false
                }
            }
        }

        /// Reads a string; escapes other than `\"` and `\\` are kept as written, which
        /// is enough to tell keys apart.
        mutating func string() -> String? {
            index += 1
            var text: [UInt8] = []
            while let byte = current {
                index += 1
                switch byte {
                case UInt8(ascii: "\""): return String(decoding: text, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let escaped = current else { return nil }
                    index += 1
                    if escaped != UInt8(ascii: "\"") && escaped != UInt8(ascii: "\\") { text.append(byte) }
                    text.append(escaped)
                default:
                    text.append(byte)
                }
            }
            return nil
        }
    }
}
