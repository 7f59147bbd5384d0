// Stage 1 · Common tests: command-line flags, as every stage binary parses them.

import Testing
import Common

private let flags = [
    Flag("port", "N", default: "10255", help: "the port"),
    Flag("node-name", "NAME", help: "this node's name"),
    Flag("sync-frequency", "DURATION", default: "1s", help: "how often"),
    Flag.switch("verbose", help: "say more"),
]

private func parse(_ arguments: [String]) throws(CommandLineError) -> ParsedFlags {
    try ParsedFlags(arguments, flags: flags)
}

@Test func flagTakesTheNextArgumentAsItsValue() throws {
    #expect(try parse(["--port", "8080"]).string("port") == "8080")
}

@Test func flagTakesAValueAfterAnEqualsSign() throws {
    let parsed = try parse(["--node-name=node-a=b"])
    #expect(parsed.string("node-name") == "node-a=b")
}

@Test func flagNotGivenHasItsDefault() throws {
    let parsed = try parse([])
    #expect(parsed.string("port") == "10255")
    #expect(!parsed.wasGiven("port"))
    #expect(parsed.string("node-name") == nil)
}

@Test func unknownFlagIsAnErrorThatNamesIt() {
    #expect { try parse(["--prot", "1"]) } throws: { "\($0)" == "unknown flag --prot" }
}

@Test func flagWithoutItsValueIsAnErrorThatSaysWhatItNeeds() {
    #expect { try parse(["--port"]) } throws: { "\($0)" == "flag --port needs a value (N)" }
}

@Test func switchIsSetWhenGivenAndOffOtherwise() throws {
    #expect(try parse(["--verbose"]).isSet("verbose"))
    #expect(!(try parse([]).isSet("verbose")))
    #expect(!(try parse(["--verbose=false"]).isSet("verbose")))
}

@Test func switchDoesNotTakeTheNextArgument() throws {
    let parsed = try parse(["--verbose", "kubelet"])
    #expect(parsed.positional == ["kubelet"])
}

@Test func argumentsThatAreNotFlagsArePositionalInOrder() throws {
    let parsed = try parse(["yaml", "--port", "1", "a.yaml", "-"])
    #expect(parsed.positional == ["yaml", "a.yaml", "-"])
}

@Test func helpIsNotedWhereverItStands() throws {
    #expect(try parse(["--port", "1", "--help"]).wantsHelp)
    #expect(try parse(["-h"]).wantsHelp)
    #expect(!(try parse([]).wantsHelp))
}

@Test func intAndDurationValuesAreConverted() throws {
    let parsed = try parse(["--port", "8080"])
    #expect(try parsed.int("port") == 8080)
    #expect(try parsed.duration("sync-frequency") == .seconds(1))
}

@Test func valueOfTheWrongKindIsAnErrorThatNamesTheFlag() throws {
    let parsed = try parse(["--port", "http", "--sync-frequency", "soon"])
    #expect { try parsed.int("port") } throws: { "\($0)" == "flag --port expects a whole number, got http" }
    #expect { try parsed.duration("sync-frequency") } throws: {
        "\($0)" == "flag --sync-frequency expects a duration such as 10s or 500ms, got soon"
    }
}

@Test func helpTextListsEveryFlagInAlignedColumns() {
    let text = Flag.helpText(usage: "stage1 kubelet [flags]", summary: "Runs a kubelet.", flags: flags)
    #expect(text == """
        Usage: stage1 kubelet [flags]

        Runs a kubelet.

        Flags:
          --port N                   the port (default 10255)
          --node-name NAME           this node's name
          --sync-frequency DURATION  how often (default 1s)
          --verbose                  say more
          --help                     show this help

        """)
}
