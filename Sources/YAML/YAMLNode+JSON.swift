// Stage 1 · YAML: rendering nodes as JSON text.
//
// Kubernetes speaks JSON on the wire, and the quickest way to check that a manifest was
// read right is to print it as JSON and compare with another reader. This rendering is
// the one Python's `json.dumps` gives for what PyYAML read, so the two can be diffed
// byte for byte: keys in written order; compact form `{"a": 1, "b": [1, 2]}`; pretty
// form indented by 2 spaces; non-ASCII characters escaped as `\uXXXX`; floats as Python
// prints them (`1.0`, `1e+16`, `Infinity`, `NaN`); mapping keys that are not strings
// turned into strings as Python does (`1` → "1", `true` → "true", null → "null").

extension YAMLNode {
    /// This node as JSON text, as `json.dumps(value)` (or, when `pretty`,
    /// `json.dumps(value, indent=2)`) prints it; used by `stage1 yaml FILE` and tests.
    public func jsonText(pretty: Bool = false) -> String {
        JSONRenderer(isPretty: pretty).render(self)
    }

    /// Several documents as one JSON array, the shape `stage1 yaml FILE` prints for a
    /// file with `---` separators.
    public static func jsonText(documents: [YAMLNode], pretty: Bool = false) -> String {
        JSONRenderer(isPretty: pretty).render(YAMLNode(.sequence(documents), at: YAMLMark(line: 1, column: 1)))
    }
}

/// Writes nodes as JSON text in Python's `json.dumps` style; used by `YAMLNode.jsonText`.
///
/// It walks the tree with an explicit to-do stack instead of recursion, so that the
/// deepest tree the reader accepts renders on any thread, whatever its stack size.
struct JSONRenderer {
    var isPretty: Bool

    static let indentWidth = 2

    /// One piece of output still to write.
    enum Work {
        case node(YAMLNode, indent: Int)
        case key(YAMLNode, isFirst: Bool, indent: Int)
        case item(isFirst: Bool, indent: Int)
        case closing(String, indent: Int)
    }

    func render(_ root: YAMLNode) -> String {
        var output = ""
        var work: [Work] = [.node(root, indent: 0)]
        while let next = work.popLast() {
            switch next {
            case .node(let node, let indent):
                write(node, indent: indent, into: &output, work: &work)
            case .key(let key, let isFirst, let indent):
                writeSeparator(isFirst: isFirst, indent: indent, into: &output)
                Self.writeString(Self.keyText(key), into: &output)
                output += ": "
            case .item(let isFirst, let indent):
                writeSeparator(isFirst: isFirst, indent: indent, into: &output)
            case .closing(let bracket, let indent):
                if isPretty {
                    output += "\n" + String(repeating: " ", count: indent * Self.indentWidth)
                }
                output += bracket
            }
        }
        return output
    }

    /// Writes a scalar, or opens a collection and schedules its children (pushed in
    /// reverse, since the to-do list is a stack).
    func write(_ node: YAMLNode, indent: Int, into output: inout String, work: inout [Work]) {
        switch node.value {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .bigInteger(let digits): output += digits
        case .double(let value): output += PythonFloat.repr(value)
        case .string(let value): Self.writeString(value, into: &output)
        case .sequence(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "["
            work.append(.closing("]", indent: indent))
            for (offset, item) in items.enumerated().reversed() {
                work.append(.node(item, indent: indent + 1))
                work.append(.item(isFirst: offset == 0, indent: indent + 1))
            }
        case .mapping(let pairs):
            guard !pairs.isEmpty else { output += "{}"; return }
            output += "{"
            work.append(.closing("}", indent: indent))
            for (offset, pair) in pairs.enumerated().reversed() {
                work.append(.node(pair.value, indent: indent + 1))
                work.append(.key(pair.key, isFirst: offset == 0, indent: indent + 1))
            }
        }
    }

    func writeSeparator(isFirst: Bool, indent: Int, into output: inout String) {
        if isPretty {
            output += isFirst ? "\n" : ",\n"
            output += String(repeating: " ", count: indent * Self.indentWidth)
        } else if !isFirst {
            output += ", "
        }
    }

    /// How Python's json turns a dict key into a string. Collections never get here:
    /// the reader refuses them as keys.
    static func keyText(_ key: YAMLNode) -> String {
        switch key.value {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .bigInteger(let digits): digits
        case .double(let value): PythonFloat.repr(value)
        case .string(let value): value
        case .sequence, .mapping: key.jsonText()
        }
    }

    /// A JSON string literal with `json.dumps`'s escaping (ensure_ascii): quotes,
    /// backslashes and control characters escaped, everything beyond ASCII as `\uXXXX`
    /// (characters beyond U+FFFF as a surrogate pair).
    static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case " "..."~": output.unicodeScalars.append(scalar)
            default:
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            }
        }
        output += "\""
    }
}
