// Stage 1 · Test harness: writing JSON exactly as Jupyter writes a notebook.
//
// Jupyter saves notebooks with Python's `json.dumps(nb, indent=1, sort_keys=True,
// ensure_ascii=False)` plus a trailing newline. Recording in the same format keeps a
// re-recorded notebook's git diff down to the outputs that really changed, whether the
// author last saved it from Jupyter or from `NOTEBOOK_RECORD=1 swift test`.
// Foundation's encoders indent by two (or by four) spaces, so this small writer does it.

extension JSONDocument {
    /// The value in Jupyter's on-disk format, with the trailing newline; used in record mode.
    var jupyterFormatted: String {
        var output = ""
        write(to: &output, indentation: 0)
        return output + "\n"
    }

    /// Appends this value at nesting depth `indentation` (one space per level).
    private func write(to output: inout String, indentation: Int) {
        let inner = String(repeating: " ", count: indentation + 1)
        let closing = String(repeating: " ", count: indentation)
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .double(let value): output += Self.pythonRepresentation(of: value)
        case .string(let value): output += Self.quoted(value)
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += inner
                element.write(to: &output, indentation: indentation + 1)
                output += index < elements.count - 1 ? ",\n" : "\n"
            }
            output += closing + "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{\n"
            let keys = members.keys.sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
            for (index, key) in keys.enumerated() {
                output += inner + Self.quoted(key) + ": "
                members[key]!.write(to: &output, indentation: indentation + 1)
                output += index < keys.count - 1 ? ",\n" : "\n"
            }
            output += closing + "}"
        }
    }

    /// A JSON string literal as Python writes it with `ensure_ascii=False`.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A double as Python's `repr` writes it for the values notebooks hold (`1.0`, `0.5`).
    private static func pythonRepresentation(of value: Double) -> String {
        value.isFinite ? "\(value)" : "null"
    }
}
