// Stage 1 · Test harness: JSON written exactly as Jupyter writes it.

@testable import TestSupport
import Foundation
import Testing

@Suite struct JupyterFormatTests {
    @Test func writesOneSpaceIndentationSortedKeysAndATrailingNewline() {
        let value: JSONDocument = .object([
            "b": .array([.string("x\n"), .integer(1), .bool(true), .null]),
            "a": .object([:]),
            "c": .array([]),
            "d": .string("tab\t\"quoted\" é"),
        ])
        let expected = "{\n \"a\": {},\n \"b\": [\n  \"x\\n\",\n  1,\n  true,\n  null\n ],\n \"c\": [],\n \"d\": \"tab\\t\\\"quoted\\\" é\"\n}\n"
        #expect(value.jupyterFormatted == expected)
    }

    @Test func decodingKeepsIntegersAndBooleansApart() throws {
        let value = try JSONDecoder().decode(JSONDocument.self, from: Data(#"{"n": 1, "t": true, "x": 1.5}"#.utf8))
        #expect(value == .object(["n": .integer(1), "t": .bool(true), "x": .double(1.5)]))
    }
}
