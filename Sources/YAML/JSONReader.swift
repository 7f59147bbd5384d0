// Stage 1 · YAML: reading JSON text straight into the YAML reader's tree.
//
// JSON is (nearly) YAML written with brackets, so the YAML reader reads it too, and for
// a manifest in the kubelet's folder that is fine. But the API server (stage 2) receives
// most of its request bodies as JSON (kubectl and every client library send JSON), some
// of them a megabyte long, and the YAML reader is built for YAML's harder grammar: it
// scans for indentation and simple keys, resolves every plain scalar against YAML 1.1's
// rules, and keeps the whole text as Unicode scalars. For a 1 MB body that cost seconds
// of CPU, during which other requests waited. Kubernetes itself reads a JSON body with a
// JSON parser; so does this: one pass over the bytes, no tokens, no scalar resolution.
//
// It builds the same `YAMLNode` tree, with the line and column of every value, so the
// decoder (`Manifests`) reports `1:17: spec.containers[0].image: expected a string` for a
// JSON body exactly as it does for a YAML file. JSON's own rules apply where they differ
// from YAML 1.1's: `1e3` is a number (YAML 1.1 reads a string), `"yes"` stays a string,
// and a member written twice keeps the last value (as Go's decoder does) and is reported
// in `duplicateKeys`, which is what Kubernetes' strict field validation names.
//
// Errors are `YAMLError`s whose messages are Go's encoding/json's ("invalid character
// 'x' looking for beginning of object key string", "unexpected end of JSON input"), at
// the place of the offending character. Bounds are the YAML reader's (`YAMLLimits`): the
// nesting depth and the number of values, so no body can exhaust the stack or the heap
// beyond its own size. The parser keeps open collections on an explicit stack.

/// One JSON text, read: its tree and the members it wrote twice.
public struct JSONDocument: Sendable {
    /// The value, with the line and column of every node.
    public var root: YAMLNode
    /// The path of every object member that repeats an earlier key of its object, in
    /// Kubernetes' field-path form (`spec.containers[0].image`), in the order written.
    public var duplicateKeys: [String]
}

/// Reads JSON text; called by the API server for JSON request bodies.
public enum JSONReader {
    /// Reads the one JSON value `bytes` holds (whitespace around it allowed, nothing else).
    public static func document(in bytes: [UInt8]) throws(YAMLError) -> JSONDocument {
        var parser = JSONParser(bytes: bytes)
        let root = try parser.parseDocument()
        return JSONDocument(root: root, duplicateKeys: parser.duplicateKeys)
    }

    /// Whether `bytes` look like JSON rather than YAML: the first character that is not
    /// whitespace opens an object or an array.
    public static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first(where: { !JSONParser.isSpace($0) }) else { return false }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }
}

/// The parser behind `JSONReader`: a position in the bytes and the collections still open.
struct JSONParser {
    /// A collection whose closing bracket has not been read yet.
    struct Frame {
        let isObject: Bool
        let mark: YAMLMark
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        /// The object's keys in `pairs`' order, and past a few of them an index by key.
        var keys: [String] = []
        var positions: [String: Int]? = nil
        /// The key whose value is being read (objects only).
        var pendingKey: YAMLNode? = nil
    }

    /// Up to this many members an object finds a repeated key by looking through its
    /// keys; beyond, by a dictionary, so that a huge object stays linear.
    static let linearKeySearchLimit = 8

    let bytes: [UInt8]
    var index = 0
    // The place of `index`: its line (1-based), where that line starts, and how many
    // UTF-8 continuation bytes lie between (a column counts characters, not bytes).
    var line = 1
    var lineStart = 0
    var continuationBytes = 0
    var nodeCount = 0
    var stack: [Frame] = []
    var duplicateKeys: [String] = []

    init(bytes: [UInt8]) { self.bytes = bytes }

    var mark: YAMLMark { YAMLMark(line: line, column: index - lineStart - continuationBytes + 1) }
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
                continuationBytes = 0
            case 0x20, 0x0D, 0x09:
                index += 1
            default:
                return
            }
        }
    }

    /// The whole text: one value, then nothing but whitespace.
    mutating func parseDocument() throws(YAMLError) -> YAMLNode {
        let root = try parseValue()
        skipSpace()
        if let byte = current { throw invalid(byte, "after top-level value") }
        return root
    }

    /// One complete value, however deeply nested, starting at the next character.
    mutating func parseValue() throws(YAMLError) -> YAMLNode {
        while true {
            skipSpace()
            var value: YAMLNode
            let start = mark
            guard let byte = current else { throw endOfInput() }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                guard stack.count < YAMLLimits.maxNestingDepth else {
                    throw YAMLError("collections are nested more than \(YAMLLimits.maxNestingDepth) levels deep", at: start)
                }
                index += 1
                skipSpace()
                let closing = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if current == closing {
                    index += 1
                    value = YAMLNode(isObject ? .mapping([]) : .sequence([]), at: start)
                } else {
                    stack.append(Frame(isObject: isObject, mark: start))
                    if isObject { try readKey() }
                    continue
                }
            case UInt8(ascii: "\""):
                value = YAMLNode(.string(try readString()), at: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = YAMLNode(try readNumber(), at: start)
            case UInt8(ascii: "t"):
                try readLiteral("true")
                value = YAMLNode(.bool(true), at: start)
            case UInt8(ascii: "f"):
                try readLiteral("false")
                value = YAMLNode(.bool(false), at: start)
            case UInt8(ascii: "n"):
                try readLiteral("null")
                value = YAMLNode(.null, at: start)
            default:
                throw invalid(byte, "looking for beginning of value")
            }
            // A value is complete: hand it to the collection it is in, and close every
            // collection that ends with it; go back for the next value when one is due.
            while true {
                try countNode(at: value.mark)
                guard !stack.isEmpty else { return value }
                let top = stack.count - 1
                skipSpace()
                if stack[top].isObject {
                    addPair(value)
                    switch current {
                    case UInt8(ascii: ","):
                        index += 1
                        try readKey()
                    case UInt8(ascii: "}"):
                        index += 1
                        let frame = stack.removeLast()
                        value = YAMLNode(.mapping(frame.pairs), at: frame.mark)
                        continue
                    case let byte?: throw invalid(byte, "after object key:value pair")
                    case nil: throw endOfInput()
                    }
                } else {
                    stack[top].items.append(value)
                    switch current {
                    case UInt8(ascii: ","):
                        index += 1
                    case UInt8(ascii: "]"):
                        index += 1
                        let frame = stack.removeLast()
                        value = YAMLNode(.sequence(frame.items), at: frame.mark)
                        continue
                    case let byte?: throw invalid(byte, "after array element")
                    case nil: throw endOfInput()
                    }
                }
                break
            }
        }
    }

    /// Reads `"key" :` into the open object's pending key.
    mutating func readKey() throws(YAMLError) {
        skipSpace()
        let start = mark
        guard let byte = current else { throw endOfInput() }
        guard byte == UInt8(ascii: "\"") else { throw invalid(byte, "looking for beginning of object key string") }
        let key = try readString()
        skipSpace()
        guard let colon = current else { throw endOfInput() }
        guard colon == UInt8(ascii: ":") else { throw invalid(colon, "after object key") }
        index += 1
        stack[stack.count - 1].pendingKey = YAMLNode(.string(key), at: start)
    }

    /// Adds `value` under the pending key; a repeated key keeps its first place and takes
    /// the new value (the last one written wins, as in Go), and its path is noted.
    mutating func addPair(_ value: YAMLNode) {
        let top = stack.count - 1
        guard let key = stack[top].pendingKey, case .string(let name) = key.value else { return }
        stack[top].pendingKey = nil
        let existing: Int?
        if let positions = stack[top].positions {
            existing = positions[name]
        } else {
            existing = stack[top].keys.firstIndex(of: name)
        }
        if let existing {
            stack[top].pairs[existing].value = value
            duplicateKeys.append(path(endingIn: name))
            return
        }
        stack[top].pairs.append(YAMLPair(key: key, value: value))
        stack[top].keys.append(name)
        let position = stack[top].keys.count - 1
        if stack[top].positions != nil {
            stack[top].positions?[name] = position
        } else if stack[top].keys.count > Self.linearKeySearchLimit {
            stack[top].positions = Dictionary(uniqueKeysWithValues: stack[top].keys.enumerated().map { ($1, $0) })
        }
    }

    /// The field path of member `name` of the innermost open object: each enclosing
    /// object's pending key, each enclosing array's index.
    func path(endingIn name: String) -> String {
        var path = ""
        for frame in stack.dropLast() {
            if frame.isObject {
                guard let key = frame.pendingKey, case .string(let text) = key.value else { continue }
                path += path.isEmpty ? text : ".\(text)"
            } else {
                path += "[\(frame.items.count)]"
            }
        }
        return path.isEmpty ? name : "\(path).\(name)"
    }

    mutating func countNode(at mark: YAMLMark) throws(YAMLError) {
        nodeCount += 1
        guard nodeCount <= YAMLLimits.maxNodesPerDocument else {
            throw YAMLError("the document holds more than \(YAMLLimits.maxNodesPerDocument) values", at: mark)
        }
    }
}
