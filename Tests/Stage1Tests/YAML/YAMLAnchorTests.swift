// Stage 1 · YAML tests: anchors, aliases, merge keys and duplicate keys.

import Testing
import YAML

private typealias T = YAMLTree

struct YAMLAnchorTests {
    @Test func aliasRepeatsTheAnchoredNode() throws {
        #expect(try T.read("a: &x [1, 2]\nb: *x") == T.map(("a", T.seq(.int(1), .int(2))), ("b", T.seq(.int(1), .int(2)))))
    }

    @Test func anchorMayNameAKey() throws {
        #expect(try T.read("&k a: 1\n*k : 2") == T.map(("a", .int(2))))
    }

    @Test func mergeKeyCopiesPairsAndOwnKeysWin() throws {
        let yaml = "base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n  z: 4\n"
        #expect(try T.read(yaml) == T.map(
            ("base", T.map(("x", .int(1)), ("y", .int(2)))),
            ("d", T.map(("x", .int(1)), ("y", .int(3)), ("z", .int(4))))))
    }

    @Test func mergeOfAListLetsEarlierMappingsWin() throws {
        let yaml = "- &x {a: 1}\n- &y {a: 2, b: 3}\n- <<: [*x, *y]\n  c: 4\n"
        #expect(try T.read(yaml) == T.seq(
            T.map(("a", .int(1))), T.map(("a", .int(2)), ("b", .int(3))),
            T.map(("a", .int(1)), ("b", .int(3)), ("c", .int(4)))))
    }

    @Test func quotedDoubleAngleIsAnOrdinaryKey() throws {
        #expect(try T.read("'<<': {a: 1}") == T.map(("<<", T.map(("a", .int(1))))))
    }

    @Test func mergingANonMappingIsAnError() {
        #expect(T.error("<<: 5")?.mark == YAMLMark(line: 1, column: 5))
        #expect(T.error("<<: [5]")?.mark == YAMLMark(line: 1, column: 6))
    }

    @Test func laterDuplicateKeyReplacesTheValueInPlace() throws {
        #expect(try T.read("a: 1\nb: 2\na: 3") == T.map(("a", .int(3)), ("b", .int(2))))
    }

    @Test func keysCompareAsPythonCompares() throws {
        #expect(try T.read("{1: a, true: b, 1.0: c, ~: d}") == T.map(keyed: (.int(1), T.s("c")), (.null, T.s("d"))))
    }

    @Test func undefinedAliasIsAnError() {
        let error = T.error("a: *nope")
        #expect(error?.message == "found undefined alias '*nope'")
        #expect(error?.mark == YAMLMark(line: 1, column: 4))
    }

    @Test func duplicateAnchorIsAnError() {
        #expect(T.error("a: &x 1\nb: &x 2")?.mark == YAMLMark(line: 2, column: 4))
    }

    @Test func recursiveAliasIsRefused() {
        #expect(T.error("a: &x [*x]")?.mark == YAMLMark(line: 1, column: 8))
    }

    @Test func anchorsDoNotCrossDocuments() {
        #expect(T.error("a: &x 1\n---\nb: *x")?.mark == YAMLMark(line: 3, column: 4))
    }

    @Test func billionLaughsIsStoppedByTheValueLimit() {
        var yaml = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "l\(level): &l\(level) [\(previous)]\n"
        }
        #expect(T.error(yaml)?.message.contains("values once aliases are expanded") == true)
    }
}
