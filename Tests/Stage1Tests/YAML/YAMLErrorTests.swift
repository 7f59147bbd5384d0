// Stage 1 · YAML tests: invalid YAML is refused with a plain message, a line and a column.

import Testing
import YAML

private typealias T = YAMLTree

struct YAMLErrorTests {
    /// Text, the line and column the error must name, and words its message must hold.
    static let cases: [(String, Int, Int, String)] = [
        ("a: 1\nb\nc: 2", 3, 1, "could not find expected ':'"),
        ("a: b: c", 1, 5, "mapping values are not allowed here"),
        ("a: 1\n a: 2", 2, 3, "mapping values are not allowed here"),
        ("a: -1\nb: - 1", 2, 4, "sequence entries are not allowed here"),
        ("- a\nb: c", 2, 1, "expected <block end>"),
        ("a: [b, c", 1, 9, "expected ',' or ']'"),
        ("a: {b: c", 1, 9, "expected ',' or '}'"),
        ("a: 'unterminated", 1, 17, "unexpected end of stream"),
        ("a: \"bad \\q escape\"", 1, 10, "unknown escape character 'q'"),
        ("s: \"\\x4\"", 1, 7, "expected escape sequence of 2 hexadecimal numbers"),
        ("a:\n\tb: c", 2, 1, "found a tab character where indentation was expected"),
        ("[a, b]: c", 1, 1, "found unhashable key"),
        ("config: {{data}}", 1, 10, "found unhashable key"),
        ("a\n...\nb", 3, 1, "expected <document start>"),
        ("a: |0\n  x", 1, 5, "indentation indicator in the range 1-9"),
        ("a: |x\n  x", 1, 5, "expected chomping or indentation indicators"),
        ("%YAML 2.0\n---\na: 1", 1, 1, "incompatible YAML version"),
        ("a: @b", 1, 4, "cannot start any token"),
        ("a: \u{01}", 1, 4, "special character"),
        ("]", 1, 1, "expected the node content"),
        ("a: \"x\n---\ny\"", 2, 1, "document separator"),
    ]

    @Test(arguments: cases)
    func invalidTextNamesLineAndColumn(text: String, line: Int, column: Int, words: String) {
        let error = T.error(text)
        #expect(error?.mark == YAMLMark(line: line, column: column), "\(error.map(String.init(describing:)) ?? "no error")")
        #expect(error?.message.contains(words) == true, "\(error?.message ?? "no error")")
    }

    @Test func descriptionNamesLineAndColumn() {
        let error = YAMLError("could not find expected ':'", at: YAMLMark(line: 3, column: 7))
        #expect(error.description == "line 3, column 7: could not find expected ':'")
    }
}
