// Stage 1 · YAML tests: what plain scalars mean (YAML 1.1, as PyYAML reads them), tags.

import Testing
import YAML

private typealias T = YAMLTree

struct YAMLResolutionTests {
    @Test(arguments: ["~", "null", "Null", "NULL", ""])
    func nullSpellings(text: String) throws {
        #expect(try T.read("a: \(text)") == T.map(("a", .null)))
    }

    @Test(arguments: [("yes", true), ("Yes", true), ("YES", true), ("on", true), ("On", true), ("ON", true),
                      ("true", true), ("True", true), ("TRUE", true), ("no", false), ("No", false),
                      ("NO", false), ("off", false), ("Off", false), ("OFF", false), ("false", false),
                      ("False", false), ("FALSE", false)])
    func booleanSpellingsOfYAML11(text: String, value: Bool) throws {
        #expect(try T.read("a: \(text)") == T.map(("a", .bool(value))))
    }

    @Test(arguments: ["y", "n", "Y", "N", "yES", "tRUE", "nul"])
    func nearMissesOfBooleansAndNullAreStrings(text: String) throws {
        #expect(try T.read("a: \(text)") == T.map(("a", .string(text))))
    }

    @Test(arguments: [("42", 42), ("-17", -17), ("+12", 12), ("0", 0), ("1_000", 1000), ("0x1F", 31),
                      ("-0x1f", -31), ("0b101", 5), ("-0b101", -5), ("017", 15), ("0777", 511),
                      ("1:30", 90), ("190:20:30", 685_230), ("-1:30", -90), ("0x_1F", 31)])
    func integerForms(text: String, value: Int) throws {
        #expect(try T.read("a: \(text)") == T.map(("a", .int(value))))
    }

    @Test(arguments: ["0o17", "08", "1:60", "1__0x", "0x", "0b", "_1", "1e3", "1.5e3", "+.5", "1.2.3", "0x1G"])
    func shapesThatAreNotNumbersInYAML11AreStrings(text: String) throws {
        #expect(try T.read("a: \(text)") == T.map(("a", .string(text))))
    }

    @Test(arguments: [("1.5", 1.5), ("1.", 1.0), (".5", 0.5), ("-2.5", -2.5), ("1.5e+3", 1500), ("5.0E-3", 0.005),
                      ("1_0.5", 10.5), ("1:30.5", 90.5), (".inf", .infinity), ("-.Inf", -.infinity),
                      ("+.INF", .infinity), ("1.0e+400", .infinity)])
    func floatFormsNeedADot(text: String, value: Double) throws {
        #expect(try T.read("a: \(text)") == T.map(("a", .double(value))))
    }

    @Test func notANumberReadsAsNaN() throws {
        guard case .mapping(let pairs) = try T.read("a: .NaN"), case .double(let value) = pairs.first?.value.value else {
            Issue.record("expected a double")
            return
        }
        #expect(value.isNaN)
    }

    @Test func integersBeyondIntStayExactAsPyYAMLKeepsThem() throws {
        #expect(try T.read("a: 12345678901234567890") == T.map(("a", .bigInteger("12345678901234567890"))))
    }

    @Test func timestampsStayStrings() throws {
        #expect(try T.read("a: 2001-12-14\nb: 2001-12-14t21:59:43.10-05:00") == T.map(
            ("a", T.s("2001-12-14")), ("b", T.s("2001-12-14t21:59:43.10-05:00"))))
    }

    @Test func integerPatternWithoutDigitsIsAnError() {
        #expect(T.error("a: 0x_")?.mark == YAMLMark(line: 1, column: 4))
    }

    @Test func standardTagsForceATypeOrAreHarmless() throws {
        let yaml = "a: !!str 1\nb: !!int '3'\nc: !!float 1\nd: !!bool yes\ne: !!null x\nf: !!map {k: v}\ng: !!seq [x]\nh: !!str"
        #expect(try T.read(yaml) == T.map(
            ("a", T.s("1")), ("b", .int(3)), ("c", .double(1)), ("d", .bool(true)), ("e", .null),
            ("f", T.map(("k", T.s("v")))), ("g", T.seq(T.s("x"))), ("h", T.s(""))))
    }

    @Test func verbatimAndTagDirectiveHandlesResolve() throws {
        #expect(try T.read("a: !<tag:yaml.org,2002:str> 5") == T.map(("a", T.s("5"))))
        #expect(try T.read("%TAG !y! tag:yaml.org,2002:\n---\na: !y!int '7'") == T.map(("a", .int(7))))
    }

    @Test func unknownTagIsRefusedAsPyYAMLSafeLoadDoes() {
        let error = T.error("a: !Ref x")
        #expect(error?.message == "could not determine a constructor for the tag '!Ref'")
        #expect(error?.mark == YAMLMark(line: 1, column: 4))
    }
}
