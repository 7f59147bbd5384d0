// Stage 1 · YAML tests: a shorthand for writing expected trees.
//
// Expected values read close to the YAML they come from:
// `T.map(("name", T.s("web")), ("ports", T.seq(.int(80))))`. Marks do not take part in
// node equality, so the shorthand puts every node at 1:1.

import YAML

/// Builders for expected `YAMLValue` trees, and a one-document reader; used by the
/// YAML unit tests.
enum YAMLTree {
    static let anywhere = YAMLMark(line: 1, column: 1)

    static func node(_ value: YAMLValue) -> YAMLNode { YAMLNode(value, at: anywhere) }

    static func s(_ text: String) -> YAMLValue { .string(text) }

    static func seq(_ items: YAMLValue...) -> YAMLValue { .sequence(items.map(node)) }

    static func map(_ pairs: (String, YAMLValue)...) -> YAMLValue {
        .mapping(pairs.map { YAMLPair(key: node(.string($0.0)), value: node($0.1)) })
    }

    static let emptyMap = YAMLValue.mapping([])

    static func map(keyed pairs: (YAMLValue, YAMLValue)...) -> YAMLValue {
        .mapping(pairs.map { YAMLPair(key: node($0.0), value: node($0.1)) })
    }

    /// The value of the only document in `text`.
    static func read(_ text: String) throws -> YAMLValue {
        let documents = try YAMLReader.documents(in: text)
        guard documents.count == 1 else { throw YAMLError("expected one document, found \(documents.count)", at: anywhere) }
        return documents[0].value
    }

    /// The error reading `text` throws, or nil when it reads.
    static func error(_ text: String) -> YAMLError? {
        do {
            _ = try YAMLReader.documents(in: text)
            return nil
        } catch {
            return error
        }
    }
}
