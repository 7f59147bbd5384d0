// Stage 1 · YAML tests: integers beyond 64 bits and tabs, read as PyYAML reads them.
//
// The reader follows PyYAML's `safe_load`. Two places where it did not: an integer too
// large for 64 bits became a float (`1.2345678901234568e+29`), and tabs were accepted as
// separation (`a:\tb`, `[1,\t2]`) where PyYAML accepts only spaces. The cases below are
// checked against fixed expectations, and against python3's `yaml` itself when it is
// installed (one python3 process for every case), so that the two cannot drift apart.

import Foundation
import Testing
import YAML

private typealias T = YAMLTree

struct YAMLPyYAMLParityTests {
    static let bigIntegers: [(String, String)] = [
        ("a: 123456789012345678901234567890", #"{"a": 123456789012345678901234567890}"#),
        ("a: -9223372036854775809", #"{"a": -9223372036854775809}"#),
        ("a: 9223372036854775807", #"{"a": 9223372036854775807}"#),
        ("a: -9223372036854775808", #"{"a": -9223372036854775808}"#),
        ("a: 0x1FFFFFFFFFFFFFFFFF", #"{"a": 590295810358705651711}"#),
        ("a: -0b1" + String(repeating: "0", count: 70), #"{"a": -1180591620717411303424}"#),
        ("a: 0777777777777777777777777", #"{"a": 4722366482869645213695}"#),
        ("a: 1_000_000_000_000_000_000_000", #"{"a": 1000000000000000000000}"#),
        ("{123456789012345678901234567890: x}", #"{"123456789012345678901234567890": "x"}"#),
    ]

    @Test(arguments: bigIntegers)
    func anIntegerBeyondSixtyFourBitsStaysExact(yaml: String, json: String) throws {
        #expect(try YAMLNode.jsonText(documents: YAMLReader.documents(in: yaml)) == "[\(json)]")
    }

    static let refusedTabs = [
        "a:\tb\n", "c: [1,\t2]\n", "a: b\t# c\n", "a: b\tc\n", "{a:\tb}\n", "- \tx\n", "a: |\t\n  x\n",
        "a: 1\n\t\nb: 2\n", "a:\t\n", "a\t: b\n", "{\n\t\"a\": 1\n}\n", "a: &x\tb\n", "---\tx\n",
    ]

    @Test(arguments: refusedTabs)
    func aTabOutsideQuotesBlockTextAndCommentsIsRefused(text: String) {
        let error = T.error(text)
        #expect(error != nil, "\(text.debugDescription) was read")
        #expect(error?.message.contains("tab") == true || error?.message.contains("'\\t'") == true, "\(error.map { "\($0)" } ?? "")")
    }

    @Test func aTabInIndentationIsNamedSo() {
        #expect(T.error("a:\n\tb: c\n")?.message == "found a tab character where indentation was expected")
        #expect(T.error("a:\tb\n")?.message == "found character '\\t' that cannot start any token")
        #expect(T.error("a:\tb\n")?.mark == YAMLMark(line: 1, column: 3))
    }

    static let keptTabs: [(String, YAMLValue)] = [
        ("a: \"b\tc\"\n", T.map(("a", T.s("b\tc")))),
        ("a: 'b\tc'\n", T.map(("a", T.s("b\tc")))),
        ("a: |\n  x\ty\n", T.map(("a", T.s("x\ty\n")))),
        ("a: 1 # c\td\n", T.map(("a", .int(1)))),
        ("a: \"b\n\tc\"\n", T.map(("a", T.s("b c")))),
    ]

    @Test(arguments: keptTabs)
    func aTabInsideQuotesBlockTextOrACommentIsKept(text: String, value: YAMLValue) throws {
        #expect(try T.read(text) == value)
    }

    @Test(.enabled(if: PyYAML.isInstalled, "python3 with its yaml module is not installed: nothing to compare with"))
    func everyCaseReadsAsPyYAMLReadsIt() throws {
        let texts = Self.bigIntegers.map(\.0) + Self.refusedTabs + Self.keptTabs.map(\.0)
        let theirs = try PyYAML.read(texts)
        for (text, expected) in zip(texts, theirs) {
            let ours = try? YAMLNode.jsonText(documents: YAMLReader.documents(in: text))
            #expect(ours == expected, "\(text.debugDescription): PyYAML \(expected ?? "refuses"), we \(ours ?? "refuse")")
        }
    }
}

/// python3's `yaml` module, run once for many texts.
enum PyYAML {
    static let script = """
        import json, sys, yaml
        out = []
        for text in json.load(sys.stdin):
            try:
                out.append(json.dumps(list(yaml.safe_load_all(text))))
            except yaml.YAMLError:
                out.append(None)
        print(json.dumps(out))
        """

    static let isInstalled: Bool = (try? read(["a: 1"])) == ["[{\"a\": 1}]"]

    /// Each text as `json.dumps` of its documents, or nil where PyYAML refuses it.
    static func read(_ texts: [String]) throws -> [String?] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(texts))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return try JSONDecoder().decode([String?].self, from: data)
    }
}
