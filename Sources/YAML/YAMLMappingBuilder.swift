// Stage 1 · YAML: building a mapping — duplicate keys and `<<` merge keys.
//
// A mapping is read the way PyYAML's SafeConstructor fills a Python dict, so that the
// result matches what Kubernetes' tools see:
//   - a later duplicate key replaces the earlier value but keeps the earlier position;
//   - keys compare as Python compares them: `1`, `1.0` and `true` are the same key;
//   - a key that is itself a sequence or mapping is refused ("unhashable"), which is
//     also how a template placeholder such as `{{ .Values.name }}` is caught;
//   - `<<: *defaults` (or `<<: [*a, *b]`) copies the pairs of the named mappings in
//     first, so the mapping's own keys win; with a list, earlier mappings win.

/// Turns a mapping's written entries into its pairs; called by `YAMLParser`.
enum YAMLMappingBuilder {
    /// What makes two keys the same key, with Python's equality of True, 1 and 1.0.
    enum KeyIdentity: Hashable {
        case null
        case integer(Int)
        case bigInteger(String)
        case double(UInt64)
        case string(String)
    }

    /// The pairs of a mapping written as `entries`, with merge keys applied.
    static func pairs(from entries: [(key: YAMLNode, value: YAMLNode, isMergeKey: Bool)]) throws(YAMLError) -> [YAMLPair] {
        var merged: [YAMLPair] = []
        var own: [YAMLPair] = []
        for entry in entries {
            if entry.isMergeKey {
                merged += try pairsToMerge(entry.value)
            } else {
                own.append(YAMLPair(key: entry.key, value: entry.value))
            }
        }
        var result: [YAMLPair] = []
        var positions: [KeyIdentity: Int] = [:]
        for pair in merged + own {
            let identity = try identity(of: pair.key)
            if let at = positions[identity] {
                result[at].value = pair.value
            } else {
                positions[identity] = result.count
                result.append(pair)
            }
        }
        return result
    }

    /// The pairs a `<<` value contributes: a mapping's pairs, or those of a list of
    /// mappings with the first mapping's values winning.
    static func pairsToMerge(_ value: YAMLNode) throws(YAMLError) -> [YAMLPair] {
        switch value.value {
        case .mapping(let pairs):
            return pairs
        case .sequence(let items):
            var result: [YAMLPair] = []
            for item in items.reversed() {
                guard case .mapping(let pairs) = item.value else {
                    throw YAMLError("expected a mapping for merging, but found \(item.value.kindName)", at: item.mark)
                }
                result += pairs
            }
            return result
        default:
            throw YAMLError("expected a mapping or list of mappings for merging, but found \(value.value.kindName)", at: value.mark)
        }
    }

    static func identity(of key: YAMLNode) throws(YAMLError) -> KeyIdentity {
        switch key.value {
        case .null: return .null
        case .bool(let value): return .integer(value ? 1 : 0)
        case .int(let value): return .integer(value)
        case .bigInteger(let digits): return .bigInteger(digits)
        case .double(let value):
            if let exact = Int(exactly: value) { return .integer(exact) }
            return .double(value.bitPattern)
        case .string(let value): return .string(value)
        case .sequence, .mapping:
            throw YAMLError("found unhashable key (a \(key.value.kindName) cannot be a mapping key)", at: key.mark)
        }
    }
}

extension YAMLValue {
    /// The name of this value's kind, for error messages ("expected a mapping, but found a
    /// sequence").
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .bigInteger: "integer"
        case .double: "float"
        case .string: "string"
        case .sequence: "sequence"
        case .mapping: "mapping"
        }
    }
}
