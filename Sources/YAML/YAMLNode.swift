// Stage 1 · YAML: the tree a YAML document reads into.
//
// A manifest is JSON written another way. The reader turns YAML text into a tree of
// `YAMLNode`s: JSON's values (null, booleans, numbers, strings, sequences, mappings)
// with, on every node, the line and column where it was written, so that a later
// error ("expected an integer") can point at the exact place in the file.

/// A place in a YAML text: 1-based line and column, as an editor shows them.
public struct YAMLMark: Sendable, Hashable, CustomStringConvertible {
    /// The line, counting from 1.
    public var line: Int
    /// The column, counting from 1, in characters.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// "line:column", as compilers print places.
    public var description: String { "\(line):\(column)" }
}

/// One value of a YAML document, with JSON's shapes.
public enum YAMLValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// An integer beyond `Int`'s range, kept exact as its decimal digits (with a `-` when
    /// negative), as PyYAML keeps it and Go's JSON decoder reads it into a big number.
    case bigInteger(String)
    case double(Double)
    case string(String)
    case sequence([YAMLNode])
    /// Keys in the order they were written; a later duplicate key replaces an earlier one.
    case mapping([YAMLPair])
}

/// One `key: value` entry of a mapping.
public struct YAMLPair: Sendable, Equatable {
    /// The key: a scalar (the reader refuses collections as keys, as PyYAML does).
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A value and where it was written.
public struct YAMLNode: Sendable, Equatable {
    public var value: YAMLValue
    /// Where it was written: for a collection, where it starts; for a node with an
    /// anchor or tag, where those start.
    public var mark: YAMLMark

    public init(_ value: YAMLValue, at mark: YAMLMark) {
        self.value = value
        self.mark = mark
    }

    /// Two nodes are equal when their values are: where they were written does not matter.
    public static func == (a: YAMLNode, b: YAMLNode) -> Bool { a.value == b.value }
}
