// Stage 1 · YAML tests: JSON read as JSON, into the same tree, with Go's error messages.

import Testing
import YAML

private typealias T = YAMLTree

struct JSONReaderTests {
    private func read(_ text: String) throws -> YAMLValue {
        try JSONReader.document(in: Array(text.utf8)).root.value
    }

    private func error(_ text: String) -> YAMLError? {
        do {
            _ = try JSONReader.document(in: Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func aJSONPodReadsIntoTheTreeTheYAMLReaderGives() throws {
        let text = """
            {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web", "labels": {"app": "web"}},
             "spec": {"containers": [{"name": "main", "image": "nginx", "ports": [{"containerPort": 80}],
                      "args": ["a", "", "yes", "null"], "tty": true, "stdin": false, "workingDir": null}],
                      "terminationGracePeriodSeconds": -5, "x": 1.5}}
            """
        #expect(try read(text) == T.read(text))
    }

    @Test func marksAreTheLineAndColumnOfEachValueCountingCharacters() throws {
        let root = try JSONReader.document(in: Array("{\"é\": \"ü\",\n  \"b\": [1, {\"c\": 2}]}".utf8)).root
        guard case .mapping(let pairs) = root.value, case .sequence(let items) = pairs[1].value.value else {
            Issue.record("not a mapping with a list: \(root)")
            return
        }
        #expect(root.mark == YAMLMark(line: 1, column: 1))
        #expect(pairs[0].value.mark == YAMLMark(line: 1, column: 7))
        #expect(pairs[1].key.mark == YAMLMark(line: 2, column: 3))
        #expect(items[1].mark == YAMLMark(line: 2, column: 12))
    }

    @Test func aJSONBodyIndentedWithTabsReads() throws {
        #expect(try read("{\n\t\"kind\":\t\"Pod\",\n\t\"spec\": {\n\t\t\"x\": [\t1 ]\n\t}\n}")
            == T.map(("kind", T.s("Pod")), ("spec", T.map(("x", T.seq(.int(1)))))))
    }

    @Test func numbersFollowJSONNotYAML11() throws {
        #expect(try read("[1e3, 1.5E-2, -0, 0, -12, 9223372036854775807, -9223372036854775808]")
            == T.seq(.double(1000), .double(0.015), .int(0), .int(0), .int(-12), .int(.max), .int(.min)))
        #expect(try read("[123456789012345678901234567890, -9223372036854775809]")
            == T.seq(.bigInteger("123456789012345678901234567890"), .bigInteger("-9223372036854775809")))
        #expect(try read(#"["yes", "1e3", "~"]"#) == T.seq(T.s("yes"), T.s("1e3"), T.s("~")), "quoted is always a string")
    }

    @Test func escapesDecodeAsGoDecodesThem() throws {
        #expect(try read(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u4e2d", "\ud83d\ude00", "\ud83d", "x\udc00y"]"#)
            == T.seq(T.s("a\"b\\c/d\u{08}\u{0C}\n\r\t"), T.s("é中"), T.s("😀"), T.s("\u{FFFD}"), T.s("x\u{FFFD}y")))
    }

    @Test func aMemberWrittenTwiceKeepsTheLastValueAndIsNamedByItsPath() throws {
        let document = try JSONReader.document(in: Array("""
            {"spec": {"containers": [{"name": "a"}, {"name": "b", "image": "x", "image": "y"}], "x": 1, "x": 2},
             "a": 1, "a": 3}
            """.utf8))
        #expect(document.duplicateKeys == ["spec.containers[1].image", "spec.x", "a"])
        #expect(document.root.value == T.map(
            ("spec", T.map(
                ("containers", T.seq(T.map(("name", T.s("a"))), T.map(("name", T.s("b")), ("image", T.s("y"))))),
                ("x", .int(2)))),
            ("a", .int(3))))
    }

    @Test func anObjectOfManyMembersFindsRepeatsToo() throws {
        let members = (0..<50).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let document = try JSONReader.document(in: Array("{\(members), \"k7\": 0, \"k40\": 1}".utf8))
        #expect(document.duplicateKeys == ["k7", "k40"])
        guard case .mapping(let pairs) = document.root.value else { Issue.record("not a mapping"); return }
        #expect(pairs.count == 50)
        #expect(pairs[40].value.value == .int(1))
    }

    @Test(arguments: [
        (#"{"kind": "Pod", oops"#, 1, 17, "invalid character 'o' looking for beginning of object key string"),
        (#"{"kind": "Pod""#, 1, 15, "unexpected end of JSON input"),
        (#"{"kind" "Pod"}"#, 1, 9, "invalid character '\"' after object key"),
        (#"{"a": 1 "b": 2}"#, 1, 9, "invalid character '\"' after object key:value pair"),
        ("[1, 2\n  3]", 2, 3, "invalid character '3' after array element"),
        ("{\"a\": tru}", 1, 10, "invalid character '}' in literal true (expecting 'e')"),
        ("{\"a\": nul}", 1, 10, "invalid character '}' in literal null (expecting 'l')"),
        ("{\"a\": 01}", 1, 8, "invalid character '1' after object key:value pair"),
        ("{\"a\": -x}", 1, 8, "invalid character 'x' in numeric literal"),
        ("{\"a\": 1.}", 1, 9, "invalid character '}' in numeric literal"),
        ("{\"a\": \"x\ny\"}", 1, 9, "invalid character '\\n' in string literal"),
        (#"{"a": "\x"}"#, 1, 9, "invalid character 'x' in string escape code"),
        (#"{"a": "\u12g4"}"#, 1, 12, #"invalid character 'g' in \u hexadecimal character escape"#),
        ("{} {}", 1, 4, "invalid character '{' after top-level value"),
        ("{\"a\": 'x'}", 1, 7, "invalid character '\\'' looking for beginning of value"),
        ("{\"é\": x}", 1, 7, "invalid character 'x' looking for beginning of value"),
    ])
    func aMistakeIsNamedInGosWordsAtItsPlace(text: String, line: Int, column: Int, message: String) {
        let found = error(text)
        #expect(found?.message == message, "\(text)")
        #expect(found?.mark == YAMLMark(line: line, column: column), "\(text): \(found.map { "\($0)" } ?? "no error")")
    }

    @Test func nestingBeyondTheLimitIsRefusedNotACrash() {
        let depth = YAMLLimits.maxNestingDepth + 1
        let found = error(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        #expect(found?.message == "collections are nested more than \(YAMLLimits.maxNestingDepth) levels deep")
        let deepest = YAMLLimits.maxNestingDepth
        #expect(error(String(repeating: "[", count: deepest) + String(repeating: "]", count: deepest)) == nil)
    }

    @Test func aNumberBeyondADoubleIsRefused() {
        #expect(error("[1e400]")?.message == "cannot unmarshal number 1e400: it is beyond the range of a 64-bit float")
    }

    @Test func onlyTextOpeningWithABracketLooksLikeJSON() {
        #expect(JSONReader.looksLikeJSON(Array(" \n\t{\"a\": 1}".utf8)))
        #expect(JSONReader.looksLikeJSON(Array("[1]".utf8)))
        #expect(!JSONReader.looksLikeJSON(Array("kind: Pod".utf8)))
        #expect(!JSONReader.looksLikeJSON(Array("".utf8)))
    }
}
