// Stage 1 · YAML tests: block structure, flow collections, comments and documents.

import Testing
import YAML

private typealias T = YAMLTree

struct YAMLBlockTests {
    @Test func blockMappingKeepsKeysInWrittenOrder() throws {
        #expect(try T.read("kind: Pod\napiVersion: v1\n") == T.map(("kind", T.s("Pod")), ("apiVersion", T.s("v1"))))
    }

    @Test func nestedMappingsFollowIndentation() throws {
        let yaml = "metadata:\n  name: web\n  labels:\n    app: web\nspec: {}\n"
        #expect(try T.read(yaml) == T.map(
            ("metadata", T.map(("name", T.s("web")), ("labels", T.map(("app", T.s("web")))))),
            ("spec", T.emptyMap)))
    }

    @Test func sequenceOfMappingsReadsAsContainersDo() throws {
        let yaml = "containers:\n  - name: web\n    image: nginx\n  - name: log\n    image: busybox\n"
        #expect(try T.read(yaml) == T.map(("containers", T.seq(
            T.map(("name", T.s("web")), ("image", T.s("nginx"))),
            T.map(("name", T.s("log")), ("image", T.s("busybox")))))))
    }

    @Test func indentlessSequenceBelongsToTheKeyAbove() throws {
        let yaml = "args:\n- a\n- b\nnext: x\n"
        #expect(try T.read(yaml) == T.map(("args", T.seq(T.s("a"), T.s("b"))), ("next", T.s("x"))))
    }

    @Test func sequenceOfSequencesNestsOnOneLine() throws {
        #expect(try T.read("- - a\n  - b\n- - c\n") == T.seq(T.seq(T.s("a"), T.s("b")), T.seq(T.s("c"))))
    }

    @Test func emptyValuesAreNull() throws {
        #expect(try T.read("a:\nb: 1\n") == T.map(("a", .null), ("b", .int(1))))
        #expect(try T.read("- \n- x\n-\n") == T.seq(.null, T.s("x"), .null))
    }

    @Test func explicitKeysReadLikeSimpleOnes() throws {
        #expect(try T.read("? a\n: b\n? c\n") == T.map(("a", T.s("b")), ("c", .null)))
    }

    @Test func multiLinePlainScalarFoldsIntoOneLine() throws {
        let yaml = "command: run this\n  and this\n\n  then this\nnext: x\n"
        #expect(try T.read(yaml) == T.map(("command", T.s("run this and this\nthen this")), ("next", T.s("x"))))
    }

    @Test func plainScalarsKeepColonsAndHashesInsideWords() throws {
        let yaml = "url: http://example.com:80/a#b\nimage: repo/name:1.2\n"
        #expect(try T.read(yaml) == T.map(("url", T.s("http://example.com:80/a#b")), ("image", T.s("repo/name:1.2"))))
    }

    @Test func commentsAreIgnoredWherever() throws {
        let yaml = "# head\na: 1 # trailing\n  # indented\n# between\nb: 'x' # after quotes\n"
        #expect(try T.read(yaml) == T.map(("a", .int(1)), ("b", T.s("x"))))
    }

    @Test func flowCollectionsNestAndSpanLines() throws {
        let yaml = "ports: [80, 443,\n  8080]\nsel: {app: web,\n  tier: {name: front}}\nempty: [[], {}]\n"
        #expect(try T.read(yaml) == T.map(
            ("ports", T.seq(.int(80), .int(443), .int(8080))),
            ("sel", T.map(("app", T.s("web")), ("tier", T.map(("name", T.s("front")))))),
            ("empty", T.seq(T.seq(), T.emptyMap))))
    }

    @Test func flowSequenceEntryWithColonIsASinglePairMapping() throws {
        #expect(try T.read("[a: b, c]") == T.seq(T.map(("a", T.s("b"))), T.s("c")))
    }

    @Test func flowMappingAllowsKeysWithoutValues() throws {
        #expect(try T.read("{a, b: c}") == T.map(("a", .null), ("b", T.s("c"))))
    }

    @Test func documentsSplitOnDashesAndEmptyOnesAreDropped() throws {
        let yaml = "---\na: 1\n---\n# only a comment\n---\nb: 2\n...\n---\n"
        let documents = try YAMLReader.documents(in: yaml)
        #expect(documents.map(\.value) == [T.map(("a", .int(1))), T.map(("b", .int(2)))])
    }

    @Test func documentMayStartOnTheMarkerLine() throws {
        let documents = try YAMLReader.documents(in: "--- text\n--- |\n  block\n")
        #expect(documents.map(\.value) == [T.s("text"), T.s("block\n")])
    }

    @Test func yamlDirectiveIsAccepted() throws {
        #expect(try T.read("%YAML 1.1\n---\na: 1\n") == T.map(("a", .int(1))))
    }

    @Test func byteOrderMarkAndCRLFLineEndingsAreAccepted() throws {
        #expect(try T.read("\u{FEFF}a: 1\r\nb:\r\n  - x\r\n") == T.map(("a", .int(1)), ("b", T.seq(T.s("x")))))
    }

    @Test func tabsNeitherSeparateNorIndentAsInPyYAML() throws {
        #expect(T.error("a:\tb\n")?.message == "found character '\\t' that cannot start any token")
        #expect(T.error("c: [1,\t2]\n")?.message == "found character '\\t' that cannot start any token")
        #expect(T.error("a:\n\tb: c\n")?.message == "found a tab character where indentation was expected")
    }

    @Test func nodesRememberWhereTheyWereWritten() throws {
        let documents = try YAMLReader.documents(in: "a:\n  b: [x, y]\n")
        guard case .mapping(let outer) = documents.first?.value,
              case .mapping(let inner) = outer.first?.value.value,
              case .sequence(let items) = inner.first?.value.value else {
            Issue.record("unexpected shape")
            return
        }
        #expect(outer[0].key.mark == YAMLMark(line: 1, column: 1))
        #expect(inner[0].key.mark == YAMLMark(line: 2, column: 3))
        #expect(items[1].mark == YAMLMark(line: 2, column: 10))
    }
}
