// Stage 1 · Test harness: any JSON value, kept whole.
//
// The notebook runner must read a `.ipynb`, change a few fields in record mode (cell
// outputs, execution counts) and write everything else back exactly: metadata it does
// not know, markdown cells, cell ids. A `Codable` struct per nbformat field would drop
// what it does not model, so the notebook is held as a `JSONDocument` tree instead.
// Decoding tries `Bool` before numbers and integers before doubles, so `true` stays
// `true` and `1` stays `1` (not `1.0`) when written back.

/// A JSON document as a tree; the notebook runner's representation of a `.ipynb`.
enum JSONDocument: Codable, Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case double(Double)
    case string(String)
    case array([JSONDocument])
    case object([String: JSONDocument])

    /// Decodes whichever JSON type is present.
    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONDocument].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONDocument].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The member `key` of an object; nil for a missing key or a non-object.
    subscript(key: String) -> JSONDocument? {
        get {
            if case .object(let members) = self { return members[key] }
            return nil
        }
        set {
            guard case .object(var members) = self else { return }
            members[key] = newValue
            self = .object(members)
        }
    }

    /// The string, if this is one.
    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number, if this is an integer.
    var integerValue: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    var arrayValue: [JSONDocument]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// nbformat's "multiline string": a string, or an array of strings to concatenate.
    var multilineText: String? {
        if let text = stringValue { return text }
        return arrayValue?.compactMap(\.stringValue).joined()
    }

    /// Text as nbformat writes it: a list of lines, each but the last ending in "\n".
    static func multiline(_ text: String) -> JSONDocument {
        var lines: [JSONDocument] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" {
                lines.append(.string(current))
                current = ""
            }
        }
        if !current.isEmpty { lines.append(.string(current)) }
        return .array(lines)
    }
}
