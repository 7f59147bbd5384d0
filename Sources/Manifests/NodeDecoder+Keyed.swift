// Stage 1 · Manifests: reading a YAML mapping key by key.
//
// Every typed read is forwarded to a child `NodeDecoder` for the value's node, whose
// single-value container does the type check; so there is one place per rule. Keys
// not asked for are simply never looked at: unknown fields are ignored, as in Go.

import YAML

/// Reads the fields of one mapping node; made by `NodeDecoder.container(keyedBy:)`.
struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let codingPath: [any CodingKey]
    /// The mapping node itself, for `superDecoder()`.
    private let node: YAMLNode
    /// The mapping's values by key. Where a key repeats, the later one wins, as in Go.
    private let values: [String: YAMLNode]
    /// The keys in the order they were written.
    private let orderedKeys: [String]

    init(node: YAMLNode, pairs: [YAMLPair], codingPath: [any CodingKey]) {
        self.node = node
        var values: [String: YAMLNode] = [:]
        var orderedKeys: [String] = []
        for pair in pairs {
            guard let key = pair.key.value.asKey else { continue }
            if values.updateValue(pair.value, forKey: key) == nil { orderedKeys.append(key) }
        }
        self.values = values
        self.orderedKeys = orderedKeys
        self.codingPath = codingPath
    }

    var allKeys: [Key] { orderedKeys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { values[key.stringValue] != nil }

    /// A missing key counts as `null`, so that `decodeIfPresent` gives nil for both.
    func decodeNil(forKey key: Key) throws -> Bool {
        guard let node = values[key.stringValue] else { return true }
        return node.value == .null
    }

    /// The child decoder for `key`, or Kubernetes' "Required value" when it is absent.
    private func child(_ key: Key) throws -> NodeDecoder {
        guard let node = values[key.stringValue] else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath + [key], debugDescription: "Required value"))
        }
        return NodeDecoder(node: node, codingPath: codingPath + [key])
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try T(from: child(key))
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try read(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try read(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try read(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try read(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try read(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try read(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try read(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try read(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try read(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try read(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try read(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try read(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try read(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try read(type, key) }

    /// The one generic read behind the per-type requirements above.
    private func read<V: Decodable>(_ type: V.Type, _ key: Key) throws -> V {
        try V(from: child(key))
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    /// The same mapping again: Go's inline (embedded) structs read their fields here.
    func superDecoder() throws -> any Decoder { NodeDecoder(node: node, codingPath: codingPath) }

    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}
