// Stage 1 · API: JSON laid out the way Kubernetes' tools print it.
//
// Foundation's pretty printer writes `"name" : "web"` and spreads an empty object over
// three lines. `kubectl get -o json` writes `"name": "web"` and `{}`. Learners compare
// the two side by side, so this printer takes compact JSON text and lays it out the
// Kubernetes way: two-space indentation, `": "` after keys, `{}` and `[]` kept whole.
// It only moves white space; it never parses numbers or changes a string.

/// Re-indents compact JSON text as kubectl prints it.
public enum JSONPrettyPrinter {
    /// `compact` laid out with two-space indentation; strings are copied byte for byte.
    public static func format(_ compact: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(compact.count * 2)
        var depth = 0
        var inString = false
        var escaped = false
        var index = 0
        func newline() {
            output.append(0x0A)
            output.append(contentsOf: repeatElement(0x20, count: depth * 2))
        }
        while index < compact.count {
            let byte = compact[index]
            defer { index += 1 }
            if inString {
                output.append(byte)
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                output.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let closing = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if index + 1 < compact.count && compact[index + 1] == closing {
                    output += [byte, closing]
                    index += 1
                } else {
                    output.append(byte)
                    depth += 1
                    newline()
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline()
                output.append(byte)
            case UInt8(ascii: ","):
                output.append(byte)
                newline()
            case UInt8(ascii: ":"):
                output += [byte, 0x20]
            case 0x20, 0x0A, 0x0D, 0x09:
                break
            default:
                output.append(byte)
            }
        }
        return output
    }
}
