// `stages`: the series' own tool — what does stage M add to stage N, and do the stages
// keep their promises?
//
//   swift run stages diff 1 2          what stage 2 adds: the lesson first, then the detail,
//                                      every fenced addition to stage 1's files, and how main changes
//   swift run stages diff 1 2 --full   … and the text of every new file
//   swift run stages check             the boundaries hold (see SeriesCheck.swift)
//   swift run stages list              every stage, with its files
//
// Every library file opens with a header naming the stage that introduces it
// (`// Stage 2 · APIServer: …`), so "what stage 2 adds" is a question the files answer
// themselves. What a later stage adds to an earlier file sits in a fence (Fence.swift).
// The composition roots (`Stages/StageN/main.swift`) are compared line by line, since
// each stage's main rewires the components of the one before.

import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("stages: \(message)\n".utf8))
    exit(2)
}

let usage = """
    Usage: stages diff N M [--full]   what stages N+1…M add to stage N
           stages check               the stage boundaries hold (fails, naming each problem, when not)
           stages list                every stage and the files it introduces
    Each takes --root DIR: the repository's top folder (default: the current folder).
    """

var operands = arguments
var root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
if let index = operands.firstIndex(of: "--root") {
    guard index + 1 < operands.count else { fail("--root needs a folder\n\(usage)") }
    root = URL(fileURLWithPath: operands[index + 1], isDirectory: true)
    operands.removeSubrange(index...(index + 1))
}
guard FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) else {
    fail("run me from the repository's top folder (where Package.swift is)")
}
let files = SeriesFile.all(under: root)

switch operands.first {
case "diff":
    let numbers = operands.dropFirst().filter { !$0.hasPrefix("--") }.compactMap(Int.init)
    guard numbers.count == 2, numbers[0] < numbers[1] else { fail("diff takes two stage numbers, the earlier first\n\(usage)") }
    print(StageDiff(root: root, files: files, from: numbers[0], to: numbers[1]).text(full: operands.contains("--full")),
          terminator: "")
case "check":
    let check = SeriesCheck(root: root)
    let problems = check.problems()
    guard problems.isEmpty else {
        for problem in problems { print(problem) }
        print("stages check: \(problems.count) broken promise\(problems.count == 1 ? "" : "s")")
        exit(1)
    }
    let stages = Set(files.map(\.stage)).count
    print("stages check: every module belongs to one stage, no stage links a later one,"
          + " \(check.fenceCount) fences are sound, and each stage's picture is true (\(files.count) files, \(stages) stages)")
case "list":
    for stage in Set(files.map(\.stage)).sorted() {
        let introduced = files.filter { $0.stage == stage }
        print("Stage \(stage): \(introduced.count) files")
        for file in introduced { print("  \(file.path)") }
    }
case nil, "--help", "-h":
    print(usage)
default:
    fail("unknown command \(operands[0])\n\(usage)")
}
