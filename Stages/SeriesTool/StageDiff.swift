// What stages N+1…M add to stage N, laid out for a learner.
//
// First the lesson: the composition roots and the files each stage's README sends the
// reader to. Then the supporting detail: the rest of the new files (wire-format types,
// parsers). Then every fenced addition those stages made to earlier stages' files, line
// by line, and the declarations the earlier stages open to later modules with `package`
// access, so that nothing a later stage changed or relies on is hidden. Last, how the
// composition root changed from one stage to the next.

import Foundation

struct StageDiff {
    let root: URL
    let files: [SeriesFile]
    let from: Int
    let to: Int

    func text(full: Bool) -> String {
        let added = files.filter { $0.stage > from && $0.stage <= to }
        let mains = (from...to).map { "Stages/Stage\($0)/main.swift" }
        let addedMains = mains.dropFirst().filter { read($0) != nil }
        let lessonPaths = Set((from + 1...to).flatMap { stage in
            ReadingPath.files(inREADME: read("Stages/Stage\(stage)/README.md") ?? "", existing: Set(added.map(\.path)))
        })
        let lesson = added.filter { lessonPaths.contains($0.path) }
        let detail = added.filter { !lessonPaths.contains($0.path) }
        let fences = fencedAdditions()

        var out = "Stage \(to) adds to stage \(from): \(added.count) files, \(lineTotal(added)) lines,"
            + " and \(fences.count) fenced additions to earlier files\n"
        let rootLines = addedMains.map { lineCount(read($0) ?? "") }.reduce(0, +)
        out += "\nThe lesson: \(lesson.count + addedMains.count) files, \(lineTotal(lesson) + rootLines) lines"
            + " (the composition root, and the files the stage README's \"Read it\" names)\n"
        for main in addedMains { out += row(main, lines: lineCount(read(main) ?? ""), role: "the composition root") }
        for file in lesson { out += row(file.path, lines: file.lineCount, role: file.role) }
        out += "\nThe supporting detail: \(detail.count) files, \(lineTotal(detail)) lines\n"
        for file in detail { out += row(file.path, lines: file.lineCount, role: file.role) }

        out += "\nFenced additions to earlier stages' files: \(fences.count) fences,"
            + " \(fences.map(\.lines.count).reduce(0, +)) lines\n"
        for fence in fences {
            out += "\n  \(fence.path):\(fence.line)  Stage \(fence.stage) > \(fence.reason)\n"
            for line in fence.lines { out += "  + \(line)\n" }
        }
        let opened = packageDeclarations()
        out += "\nDeclarations of earlier stages that other modules may use (`package`, not `public`):"
            + " \(opened.count)\n"
        for (path, line, text) in opened { out += "  \(path):\(line)  \(text)\n" }
        for (old, new) in zip(mains, mains.dropFirst()) {
            guard let newText = read(new) else {
                out += "\n\(new) does not exist yet.\n"
                continue
            }
            out += "\n--- \(old)\n+++ \(new)\n" + UnifiedDiff.lines(from: read(old) ?? "", to: newText)
        }
        if full {
            for file in lesson + detail {
                out += "\n==> \(file.path) <==\n" + (read(file.path) ?? "")
            }
        }
        return out
    }

    /// Every fence that stages after `from`, up to `to`, put in a file of stage `from` or before.
    private func fencedAdditions() -> [Fence] {
        let earlier = files.filter { $0.stage <= from }.map(\.path)
            + (1...from).map { "Stages/Stage\($0)/main.swift" }
        return earlier.flatMap { path in
            Fence.all(in: read(path) ?? "", path: path).fences.filter { $0.stage > from && $0.stage <= to }
        }
    }

    /// The `package` declarations of files of stage `from` or before: what those stages let
    /// the modules of later stages use without making it part of their public face.
    private func packageDeclarations() -> [(path: String, line: Int, text: String)] {
        files.filter { $0.stage <= from }.flatMap { file in
            (read(file.path) ?? "").split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .compactMap { index, line -> (String, Int, String)? in
                    let text = line.trimmingCharacters(in: .whitespaces)
                    let words = text.split(separator: " ").drop { $0.hasPrefix("@") }
                    return words.first == "package" ? (file.path, index + 1, text) : nil
                }
        }
    }

    private func row(_ path: String, lines: Int, role: String) -> String {
        let count = String(lines)
        return "  " + path.padding(toLength: 60, withPad: " ", startingAt: 0)
            + String(repeating: " ", count: max(0, 5 - count.count)) + count + " lines  " + role + "\n"
    }

    private func lineTotal(_ files: [SeriesFile]) -> Int { files.map(\.lineCount).reduce(0, +) }

    private func lineCount(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0)
    }

    private func read(_ path: String) -> String? {
        try? String(contentsOf: root.appending(path: path), encoding: .utf8)
    }
}
