// Fences: the lines a later stage adds to an earlier stage's file.
//
// A later stage does not rewrite an earlier stage's files. Where it must open an
// extension point in one, the lines it adds sit between two markers that name it and
// say why, in the manner of Crafting Interpreters' `//> chapter` … `//< chapter`:
//
//     // Stage 2 > the API server words its refusals as a Kubernetes `Status`
//     var refusalResponder: (@Sendable (HTTPStatus, String) -> HTTPResponse)? = nil
//     // Stage 2 <
//
// `stages diff` shows every fence of the stages it compares, so a learner sees exactly
// what a stage changed in the files before it; `stages check` refuses a fence that is
// unbalanced, nested, gives no reason, or names a stage that is not later than its file's.

import Foundation

/// The lines between one `// Stage N >` marker and its `// Stage N <`.
struct Fence {
    /// The stage that added the lines.
    let stage: Int
    /// Why: the words after `>` on the opening marker.
    let reason: String
    /// The file, from the repository's top folder.
    let path: String
    /// The opening marker's line number, counting from 1.
    let line: Int
    /// The lines between the markers.
    let lines: [String]
}

/// A marker that does not pair up, found while reading a file's fences.
struct FenceProblem: CustomStringConvertible {
    let path: String
    let line: Int
    let message: String

    var description: String { "\(path):\(line): \(message)" }
}

extension Fence {
    /// Reads the fences of one file, and what is wrong with its markers.
    static func all(in text: String, path: String) -> (fences: [Fence], problems: [FenceProblem]) {
        var fences: [Fence] = []
        var problems: [FenceProblem] = []
        var open: (stage: Int, reason: String, line: Int, lines: [String])?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            guard let marker = Marker(line) else {
                open?.lines.append(String(line))
                continue
            }
            switch (marker, open) {
            case (.opening(let stage, let reason), nil):
                if reason.isEmpty {
                    problems.append(FenceProblem(path: path, line: number, message: "a fence must say why: `// Stage \(stage) > the reason`"))
                }
                open = (stage, reason, number, [])
            case (.opening, let current?):
                problems.append(FenceProblem(path: path, line: number,
                                             message: "a fence opens inside the Stage \(current.stage) fence of line \(current.line)"))
            case (.closing(let stage), let current?) where stage == current.stage:
                fences.append(Fence(stage: stage, reason: current.reason, path: path, line: current.line, lines: current.lines))
                open = nil
            case (.closing(let stage), let current?):
                problems.append(FenceProblem(path: path, line: number,
                                             message: "`// Stage \(stage) <` closes the Stage \(current.stage) fence of line \(current.line)"))
                open = nil
            case (.closing(let stage), nil):
                problems.append(FenceProblem(path: path, line: number, message: "`// Stage \(stage) <` closes no fence"))
            }
        }
        if let current = open {
            problems.append(FenceProblem(path: path, line: current.line, message: "the Stage \(current.stage) fence is never closed"))
        }
        return (fences, problems)
    }

    /// `// Stage 2 > why` or `// Stage 2 <`, alone on a line but for indentation.
    private enum Marker {
        case opening(Int, reason: String)
        case closing(Int)

        init?(_ line: Substring) {
            let text = line.drop { $0 == " " || $0 == "\t" }
            guard text.hasPrefix("// Stage ") else { return nil }
            let rest = text.dropFirst("// Stage ".count)
            let digits = rest.prefix { $0.isNumber }
            guard let stage = Int(digits) else { return nil }
            let after = rest.dropFirst(digits.count)
            if after.hasPrefix(" >") {
                self = .opening(stage, reason: after.dropFirst(2).trimmingCharacters(in: .whitespaces))
            } else if after.trimmingCharacters(in: .whitespaces) == "<" {
                self = .closing(stage)
            } else {
                return nil
            }
        }
    }
}
