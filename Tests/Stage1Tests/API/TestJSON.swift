// Test helper: JSON text → `YAMLNode` tree, with lines and columns.
//
// The API tests must not depend on the real YAML reader (another module, tested on its
// own). JSON is YAML, so this small JSON parser stands in for it: it builds the same
// node tree, with the same 1-based marks, which makes error locations testable too.
// It also offers the tree surgery the round-trip test needs (sorting keys, removing
// the fields the model does not know).

import API
import Foundation
import Manifests
import YAML

enum TestJSON {
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses `text` into a node tree; fails the calling test on malformed JSON.
    static func node(_ text: String) throws -> YAMLNode {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        let node = try parser.value()
        parser.skipWhitespace()
        guard parser.index == parser.scalars.count else { throw ParseError(description: "trailing text") }
        return node
    }

    /// The same tree with every mapping's keys sorted, so trees compare regardless of order.
    static func sorted(_ node: YAMLNode) -> YAMLNode {
        switch node.value {
        case .mapping(let pairs):
            let sortedPairs = pairs
                .map { YAMLPair(key: $0.key, value: sorted($0.value)) }
                .sorted { key($0) < key($1) }
            return YAMLNode(.mapping(sortedPairs), at: node.mark)
        case .sequence(let items):
            return YAMLNode(.sequence(items.map(sorted)), at: node.mark)
        default:
            return node
        }
    }

    /// The same tree without the value at `path` (keys, or integer indices of lists).
    static func removing(_ path: [String], from node: YAMLNode) -> YAMLNode {
        guard let first = path.first else { return node }
        let rest = Array(path.dropFirst())
        switch node.value {
        case .mapping(let pairs):
            if rest.isEmpty {
                return YAMLNode(.mapping(pairs.filter { key($0) != first }), at: node.mark)
            }
            return YAMLNode(.mapping(pairs.map { pair in
                key(pair) == first ? YAMLPair(key: pair.key, value: removing(rest, from: pair.value)) : pair
            }), at: node.mark)
        case .sequence(var items):
            if let index = Int(first), items.indices.contains(index) {
                items[index] = removing(rest, from: items[index])
            }
            return YAMLNode(.sequence(items), at: node.mark)
        default:
            return node
        }
    }

    private static func key(_ pair: YAMLPair) -> String {
        if case .string(let key) = pair.key.value { return key }
        return ""
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var column = 1

        var mark: YAMLMark { YAMLMark(line: line, column: column) }

        mutating func advance() {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }

        mutating func skipWhitespace() {
            while index < scalars.count, [" ", "\n", "\t", "\r"].contains(scalars[index]) { advance() }
        }

        mutating func expect(_ scalar: Unicode.Scalar) throws {
            skipWhitespace()
            guard index < scalars.count, scalars[index] == scalar else {
                throw ParseError(description: "expected \(scalar) at \(mark)")
            }
            advance()
        }

        mutating func value() throws -> YAMLNode {
            skipWhitespace()
            guard index < scalars.count else { throw ParseError(description: "unexpected end") }
            let start = mark
            switch scalars[index] {
            case "{":
                advance()
                var pairs: [YAMLPair] = []
                skipWhitespace()
                if scalars[index] == "}" {
                    advance()
                    return YAMLNode(.mapping([]), at: start)
                }
                repeat {
                    skipWhitespace()
                    let key = try value()
                    try expect(":")
                    pairs.append(YAMLPair(key: key, value: try value()))
                    skipWhitespace()
                } while try comma()
                try expect("}")
                return YAMLNode(.mapping(pairs), at: start)
            case "[":
                advance()
                var items: [YAMLNode] = []
                skipWhitespace()
                if scalars[index] == "]" {
                    advance()
                    return YAMLNode(.sequence([]), at: start)
                }
                repeat {
                    items.append(try value())
                    skipWhitespace()
                } while try comma()
                try expect("]")
                return YAMLNode(.sequence(items), at: start)
            case "\"":
                return YAMLNode(.string(try string()), at: start)
            default:
                var word = ""
                while index < scalars.count, !" \n\t\r,]}:".unicodeScalars.contains(scalars[index]) {
                    word.unicodeScalars.append(scalars[index])
                    advance()
                }
                switch word {
                case "null": return YAMLNode(.null, at: start)
                case "true": return YAMLNode(.bool(true), at: start)
                case "false": return YAMLNode(.bool(false), at: start)
                default:
                    if let int = Int(word) { return YAMLNode(.int(int), at: start) }
                    if let double = Double(word) { return YAMLNode(.double(double), at: start) }
                    throw ParseError(description: "bad value \(word) at \(start)")
                }
            }
        }

        mutating func comma() throws -> Bool {
            guard index < scalars.count, scalars[index] == "," else { return false }
            advance()
            return true
        }

        mutating func string() throws -> String {
            advance()
            var result = ""
            while index < scalars.count, scalars[index] != "\"" {
                if scalars[index] == "\\" {
                    advance()
                    switch scalars[index] {
                    case "n": result.append("\n")
                    case "t": result.append("\t")
                    case "r": result.append("\r")
                    case "b": result.append("\u{8}")
                    case "f": result.append("\u{c}")
                    case "u":
                        var hex = ""
                        for _ in 0..<4 {
                            advance()
                            hex.unicodeScalars.append(scalars[index])
                        }
                        result.unicodeScalars.append(Unicode.Scalar(UInt32(hex, radix: 16) ?? 0x3F) ?? "?")
                    default: result.unicodeScalars.append(scalars[index])
                    }
                } else {
                    result.unicodeScalars.append(scalars[index])
                }
                advance()
            }
            try expect("\"")
            return result
        }
    }
}

/// Decodes `json` through the node decoder, as a manifest file named `file`.
func decodeManifest<T: Decodable>(_ type: T.Type, _ json: String, file: String = "test.json") throws -> T {
    try Manifest.decode(type, from: TestJSON.node(json), file: file)
}

/// Encodes `value` and parses the result back into a key-sorted node tree.
func encodedTree<T: Encodable>(_ value: T) throws -> YAMLNode {
    let data = try APIJSON.encode(value)
    return TestJSON.sorted(try TestJSON.node(String(decoding: data, as: UTF8.self)))
}

