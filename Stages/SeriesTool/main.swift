// `stages`: the series' own tool — what does stage M add to stage N?
//
//   swift run stages diff 1 2          the files stage 2 introduces, and how main changes
//   swift run stages diff 1 2 --full   … and the text of every new file
//   swift run stages list              every stage, with its files
//
// Every library file opens with a header naming the stage that introduces it
// (`// Stage 2 · APIServer: …`), so "what stage 2 adds" is a question the files answer
// themselves. The composition roots (`Stages/StageN/main.swift`) are compared line by
// line, since each stage's main rewires the components of the one before.

import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("stages: \(message)\n".utf8))
    exit(2)
}

let usage = """
    Usage: stages diff N M [--full]   what stages N+1…M add to stage N
           stages list                every stage and the files it introduces
    """

let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
guard FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) else {
    fail("run me from the repository's top folder (where Package.swift is)")
}
let files = SeriesFile.all(under: root)

switch arguments.first {
case "diff":
    let numbers = arguments.dropFirst().filter { !$0.hasPrefix("--") }.compactMap(Int.init)
    guard numbers.count == 2, numbers[0] < numbers[1] else { fail("diff takes two stage numbers, the earlier first\n\(usage)") }
    let (from, to) = (numbers[0], numbers[1])
    let full = arguments.contains("--full")
    let added = files.filter { $0.stage > from && $0.stage <= to }
    print("Stage \(to) adds to stage \(from): \(added.count) files, \(added.map(\.lineCount).reduce(0, +)) lines\n")
    for file in added {
        let lines = String(file.lineCount)
        print("  " + file.path.padding(toLength: 56, withPad: " ", startingAt: 0)
              + String(repeating: " ", count: max(0, 5 - lines.count)) + lines + " lines  " + file.role)
    }
    let mains = (from...to).map { "Stages/Stage\($0)/main.swift" }
    for (old, new) in zip(mains, mains.dropFirst()) {
        let oldText = (try? String(contentsOf: root.appendingPathComponent(old), encoding: .utf8)) ?? ""
        guard let newText = try? String(contentsOf: root.appendingPathComponent(new), encoding: .utf8) else {
            print("\n\(new) does not exist yet.")
            continue
        }
        print("\n--- \(old)\n+++ \(new)")
        print(UnifiedDiff.lines(from: oldText, to: newText), terminator: "")
    }
    if full {
        for file in added {
            print("\n==> \(file.path) <==")
            print((try? String(contentsOf: root.appendingPathComponent(file.path), encoding: .utf8)) ?? "", terminator: "")
        }
    }
case "list":
    for stage in Set(files.map(\.stage)).sorted() {
        let introduced = files.filter { $0.stage == stage }
        print("Stage \(stage): \(introduced.count) files")
        for file in introduced { print("  \(file.path)") }
    }
case nil, "--help", "-h":
    print(usage)
default:
    fail("unknown command \(arguments[0])\n\(usage)")
}
