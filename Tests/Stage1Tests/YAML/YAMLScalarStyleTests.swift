// Stage 1 · YAML tests: quoted scalars, escapes, and literal/folded blocks.

import Testing
import YAML

private typealias T = YAMLTree

struct YAMLScalarStyleTests {
    @Test func singleQuotesDoubleAQuoteToEscapeIt() throws {
        #expect(try T.read("a: 'it''s \\n'") == T.map(("a", T.s("it's \\n"))))
    }

    @Test func doubleQuotedEscapesAreDecoded() throws {
        let yaml = #"a: "tab\there\nquote\" back\\ \u00e9 \x41 \U0001F600 \/ \0""#
        #expect(try T.read(yaml) == T.map(("a", T.s("tab\there\nquote\" back\\ é A 😀 / \0"))))
    }

    @Test func quotedScalarsFoldLineBreaks() throws {
        #expect(try T.read("a: \"one\n  two\n\n  three\"") == T.map(("a", T.s("one two\nthree"))))
        #expect(try T.read("a: 'one\n  two'") == T.map(("a", T.s("one two"))))
    }

    @Test func escapedLineBreakJoinsWithoutASpace() throws {
        #expect(try T.read("a: \"abc\\\n   def\"") == T.map(("a", T.s("abcdef"))))
    }

    @Test func quotedScalarsAreAlwaysStrings() throws {
        #expect(try T.read("a: \"1\"\nb: 'true'\nc: \"\"\nd: ''") == T.map(
            ("a", T.s("1")), ("b", T.s("true")), ("c", T.s("")), ("d", T.s(""))))
    }

    @Test func literalBlockKeepsLinesAndClipsTheEnd() throws {
        let yaml = "script: |\n  echo a\n    indented\n\n  echo b\n\n\nnext: x\n"
        #expect(try T.read(yaml) == T.map(("script", T.s("echo a\n  indented\n\necho b\n")), ("next", T.s("x"))))
    }

    @Test func foldedBlockJoinsLinesButKeepsMoreIndentedOnes() throws {
        let yaml = "text: >\n  one\n  two\n\n  three\n    kept\n  four\n"
        #expect(try T.read(yaml) == T.map(("text", T.s("one two\nthree\n  kept\nfour\n"))))
    }

    @Test func chompingIndicatorsStripOrKeepTrailingLines() throws {
        let yaml = "strip: |-\n  a\n\nkeep: |+\n  a\n\n\nfold: >-\n  a\n  b\n"
        #expect(try T.read(yaml) == T.map(("strip", T.s("a")), ("keep", T.s("a\n\n\n")), ("fold", T.s("a b"))))
    }

    @Test func indentationIndicatorKeepsLeadingSpaces() throws {
        #expect(try T.read("a: |2\n    x\n   y\n") == T.map(("a", T.s("  x\n y\n"))))
    }

    @Test func blockScalarMayCarryAComment() throws {
        #expect(try T.read("a: | # note\n  text\n") == T.map(("a", T.s("text\n"))))
    }

    @Test func emptyBlockScalarIsEmpty() throws {
        #expect(try T.read("a: |\n\nb: >-\n") == T.map(("a", T.s("")), ("b", T.s(""))))
    }

    @Test func blockScalarsInASequence() throws {
        #expect(try T.read("- |\n  x\n- >-\n  y\n  z\n") == T.seq(T.s("x\n"), T.s("y z")))
    }
}
