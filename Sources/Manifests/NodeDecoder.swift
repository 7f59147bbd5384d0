// Stage 1 · Manifests: a Swift `Decoder` that reads straight from a YAML node tree.
//
// Why not turn YAML into JSON and use JSONDecoder? Because then the line and column
// of every value would be lost, and a learner who writes `containerPort: http` deserves
// to be told `web.yaml:12:24`. So the API types' `init(from:)` run against this decoder,
// which walks the `YAMLNode` tree the YAML reader produced.
//
// The decoder only ever throws Swift's standard `DecodingError`s, with messages in
// Kubernetes' tone ("expected an integer, found \"http\""). Each error carries its
// coding path; `Manifest` follows that path back down the tree to find the node, and
// so the line and column. Errors thrown by the API types themselves (an unsupported
// enum value, a bad quantity) get their place the same way, without knowing about YAML.
//
// Type rules follow Go's encoding/json (as Kubernetes reads YAML by converting it to
// JSON): a number is not a string and a string is not a number, `null` is the zero
// value, and unknown keys are ignored. The containers are in `NodeDecoder+*.swift`.

import YAML

/// Decodes an API type from one `YAMLNode`; made by `Manifest` for each document.
struct NodeDecoder: Decoder {
    let node: YAMLNode
    /// The keys and indices leading from the document root to `node`.
    let codingPath: [any CodingKey]
    /// Unused: the API types need no context to decode.
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: YAMLNode, codingPath: [any CodingKey] = []) {
        self.node = node
        self.codingPath = codingPath
    }

    /// A mapping, read key by key; `null` reads as an empty mapping, as Go reads it.
    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch node.value {
        case .mapping(let pairs):
            return KeyedDecodingContainer(NodeKeyedContainer<Key>(node: node, pairs: pairs, codingPath: codingPath))
        case .null:
            return KeyedDecodingContainer(NodeKeyedContainer<Key>(node: node, pairs: [], codingPath: codingPath))
        default:
            throw typeMismatch(Any.self, expected: "an object")
        }
    }

    /// A sequence, read item by item; `null` reads as an empty sequence.
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch node.value {
        case .sequence(let items):
            return NodeUnkeyedContainer(items: items, codingPath: codingPath)
        case .null:
            return NodeUnkeyedContainer(items: [], codingPath: codingPath)
        default:
            throw typeMismatch([Any].self, expected: "a list")
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        NodeSingleValueContainer(decoder: self)
    }

    /// A decoder for `child`, one step (`key`) further down the path.
    func decoder(for child: YAMLNode, at key: any CodingKey) -> NodeDecoder {
        NodeDecoder(node: child, codingPath: codingPath + [key])
    }

    /// The error for finding something other than `expected` (such as "an integer").
    func typeMismatch(_ type: Any.Type, expected: String) -> DecodingError {
        DecodingError.typeMismatch(type, DecodingError.Context(
            codingPath: codingPath, debugDescription: "expected \(expected), found \(node.value.asWritten)"))
    }
}

/// A coding key for a position in a sequence; rendered `[index]` in field paths.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "[\(intValue ?? 0)]" }

    init(_ index: Int) { self.intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

extension YAMLValue {
    /// The value as a learner wrote it, for "found …" in messages: strings quoted,
    /// numbers and booleans plain, collections named.
    var asWritten: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .int(let value): String(value)
        case .bigInteger(let digits): digits
        case .double(let value): String(value)
        case .string(let value): "\"\(value)\""
        case .sequence: "a list"
        case .mapping: "an object"
        }
    }

    /// A scalar as a mapping key: YAML allows `80: x`, which Go's YAML-to-JSON step
    /// turns into the key "80". Collections are not keys. (The API server reads a body's
    /// keys the same way.)
    public var asKey: String? {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .int(let value): String(value)
        case .bigInteger(let digits): digits
        case .double(let value): String(value)
        case .string(let value): value
        case .sequence, .mapping: nil
        }
    }
}
