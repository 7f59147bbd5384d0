// Stage 1 · YAML tests: JSON rendering matches Python's `json.dumps` of PyYAML's result.

import Testing
import YAML

private typealias T = YAMLTree

struct YAMLJSONTests {
    @Test func compactRenderingUsesPythonSeparatorsAndWrittenOrder() throws {
        let documents = try YAMLReader.documents(in: "b: [1, 2.5]\na: {x: null, y: true}\nc: []\nd: {}")
        #expect(documents[0].jsonText() == #"{"b": [1, 2.5], "a": {"x": null, "y": true}, "c": [], "d": {}}"#)
    }

    @Test func prettyRenderingIndentsByTwo() throws {
        let documents = try YAMLReader.documents(in: "a: [1]\nb: {}")
        #expect(documents[0].jsonText(pretty: true) == "{\n  \"a\": [\n    1\n  ],\n  \"b\": {}\n}")
    }

    @Test func documentsRenderAsOneArray() throws {
        let documents = try YAMLReader.documents(in: "a: 1\n---\nb\n")
        #expect(YAMLNode.jsonText(documents: documents) == #"[{"a": 1}, "b"]"#)
        #expect(YAMLNode.jsonText(documents: []) == "[]")
    }

    @Test func nonStringKeysBecomeStringsAsPythonWrites() throws {
        let documents = try YAMLReader.documents(in: "{1: a, true: b, ~: c, 1.5: d}")
        #expect(documents[0].jsonText() == #"{"1": "b", "null": "c", "1.5": "d"}"#)
    }

    @Test func floatsPrintAsPythonReprDoes() throws {
        let yaml = "[1.0, 0.5, 1.0e+16, 1.0e+15, 0.0001, 0.00001, -0.0, 1.5e-10, .inf, -.inf, .nan, 123456.789]"
        let documents = try YAMLReader.documents(in: yaml)
        #expect(documents[0].jsonText() ==
            "[1.0, 0.5, 1e+16, 1000000000000000.0, 0.0001, 1e-05, -0.0, 1.5e-10, Infinity, -Infinity, NaN, 123456.789]")
    }

    @Test func stringsAreEscapedAsJSONDumpsEscapes() throws {
        let documents = try YAMLReader.documents(in: #"a: "q\" b\\ \n\t\r\b\f \u0001 é 😀 / \x7f""#)
        #expect(documents[0].jsonText() == #"{"a": "q\" b\\ \n\t\r\b\f \u0001 \u00e9 \ud83d\ude00 / \u007f"}"#)
    }
}
