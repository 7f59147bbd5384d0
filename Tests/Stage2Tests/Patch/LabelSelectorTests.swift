// Label selectors: Kubernetes' syntax, its matching rules, and its error messages
// (cases from apimachinery/pkg/labels/selector_test.go).

import API
import APIMachinery
import Testing

@Test(arguments: [
    "x=a,y=b,z=c", "", "x!=a,y=b", "x=", "x= ", "x=,z= ", "x= ,z= ", "!x", "x>1", "x>1,z<5",
    "x in (a)", "x in (a,b,c)", "x notin (a)", "x in (foo,,baz),y,z notin ()", " x == a , y ", "in in (in)",
])
func validLabelSelectorsParse(text: String) throws {
    _ = try LabelSelector(parsing: text)
}

@Test(arguments: ["x=a||y=b", "x==a==b", "!x=a", "x<a", "x in a", "x in (a", "x,", ",x", "x=a,,y=b", "a b"])
func invalidLabelSelectorsAreRejected(text: String) {
    #expect(throws: LabelSelector.ParseError.self) { try LabelSelector(parsing: text) }
}

/// (selector, labels, matches) rows of Kubernetes' TestSelectorMatches.
let labelMatchCases: [(String, [String: String], Bool)] = [
    ("", ["x": "y"], true),
    ("x=y", ["x": "y"], true),
    ("x=y,z=w", ["x": "y", "z": "w"], true),
    ("x!=y,z!=w", ["x": "z", "z": "a"], true),
    ("notin=in", ["notin": "in"], true),
    ("x", ["x": "z"], true),
    ("!x", ["y": "z"], true),
    ("x>1", ["x": "2"], true),
    ("x<1", ["x": "0"], true),
    ("x in (a,b)", ["x": "b"], true),
    ("x notin (a,b)", ["y": "a"], true),
    ("x=z", [:], false),
    ("x=y", ["x": "z"], false),
    ("x=y,z=w", ["x": "w", "z": "w"], false),
    ("x!=y,z!=w", ["x": "z", "z": "w"], false),
    ("x", ["y": "z"], false),
    ("!x", ["x": "z"], false),
    ("x>1", ["x": "0"], false),
    ("x<1", ["x": "2"], false),
    ("x in (a,b)", ["x": "c"], false),
    ("x notin (a,b)", ["x": "a"], false),
    ("foo=bar,foobar=bar,baz=blah", ["foo": "bar", "baz": "blah"], false),
]

@Test(arguments: labelMatchCases)
func labelSelectorMatchesAsKubernetesDoes(text: String, labels: [String: String], expected: Bool) throws {
    #expect(try LabelSelector(parsing: text).matches(labels) == expected)
}

@Test func labelSelectorPrintsSortedAndNormalized() throws {
    #expect(try LabelSelector(parsing: "x in (foo,,baz),y,z notin ()").description == "x in (,baz,foo),y,z notin ()")
    #expect(try LabelSelector(parsing: "b=2, a!=1,!c").description == "a!=1,b=2,!c")
}

@Test func missingValueSaysWhatWasExpected() {
    #expect(throws: LabelSelector.ParseError(message: "found ',', expected: !, identifier, or 'end of string'")) {
        try LabelSelector(parsing: ",x")
    }
    #expect(throws: LabelSelector.ParseError(message: "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt")) {
        try LabelSelector(parsing: "a b")
    }
    #expect(throws: LabelSelector.ParseError(message: "unable to parse requirement: found 'a' expected: '('")) {
        try LabelSelector(parsing: "x in a")
    }
    #expect(throws: LabelSelector.ParseError(message: "found 'y', expected: ',' or 'end of string'")) {
        try LabelSelector(parsing: "!x y")
    }
}

@Test func invalidKeyIsReportedWithKubernetesRule() throws {
    do {
        _ = try LabelSelector(parsing: "-bad=x")
        Issue.record("parsed")
    } catch {
        #expect(error.message.hasPrefix(#"unable to parse requirement: Invalid value: "-bad": name part must consist of alphanumeric characters"#))
    }
}

@Test func invalidValueIsRejected() {
    #expect(throws: LabelSelector.ParseError.self) { try LabelSelector(parsing: "x=a/b") }
}

@Test func matchLabelsAndExpressionsBecomeOneSelector() throws {
    let selector = try LabelSelector(
        matchLabels: ["app": "web"],
        matchExpressions: [LabelSelectorRequirement(key: "tier", operator: "In", values: ["front", "api"]),
                           LabelSelectorRequirement(key: "canary", operator: "DoesNotExist")])
    #expect(selector.matches(["app": "web", "tier": "api"]))
    #expect(!selector.matches(["app": "web", "tier": "api", "canary": "yes"]))
    #expect(!selector.matches(["app": "db", "tier": "api"]))
    #expect(selector.description == "app=web,!canary,tier in (api,front)")
}

@Test func emptyAPISelectorSelectsEverything() throws {
    #expect(try LabelSelector(matchLabels: [:], matchExpressions: []).matches(["any": "thing"]))
}

@Test func unknownExpressionOperatorIsRejected() {
    #expect(throws: LabelSelector.ParseError(message: #""Equals" is not a valid label selector operator"#)) {
        try LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "a", operator: "Equals", values: ["b"])])
    }
}

@Test func inWithoutValuesIsRejectedInTheAPIForm() {
    #expect(throws: LabelSelector.ParseError.self) {
        try LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "a", operator: "In")])
    }
}
