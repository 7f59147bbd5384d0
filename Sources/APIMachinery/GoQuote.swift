// Stage 2 · APIMachinery: quoting a string the way Go's `%q` does.
//
// Kubernetes' error messages quote names and values with Go's `%q`
// (`pods "web" not found`), which escapes quotes, backslashes and unprintable
// characters. Names are DNS labels, so for them this is just a pair of quotes; the
// escaping matters for values in field errors, which are whatever the client sent.

extension String {
    /// The string in double quotes, escaped like Go's `strconv.Quote`; used by the
    /// `Status` factories and field error messages.
    package var goQuoted: String {
        var quoted = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\u{07}": quoted += "\\a"
            case "\u{08}": quoted += "\\b"
            case "\u{0C}": quoted += "\\f"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            case "\u{0B}": quoted += "\\v"
            default:
                if scalar.isGoPrintable {
                    quoted.unicodeScalars.append(scalar)
                } else if scalar.value < 0x80 {
                    quoted += "\\x" + String.hex(scalar.value, digits: 2)
                } else if scalar.value < 0x10000 {
                    quoted += "\\u" + String.hex(scalar.value, digits: 4)
                } else {
                    quoted += "\\U" + String.hex(scalar.value, digits: 8)
                }
            }
        }
        return quoted + "\""
    }

    /// `value` in lowercase hex, zero-padded to `digits`.
    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: Swift.max(0, digits - text.count)) + text
    }
}

extension Unicode.Scalar {
    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the
    /// ASCII space; everything else is escaped by `%q`.
    fileprivate var isGoPrintable: Bool {
        if self == " " { return true }
        switch properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
            .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }
}
