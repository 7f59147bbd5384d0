// The series' module graph, read from Package.swift as a learner reads it.
//
// Package.swift is laid out as the series is: a `// MARK: Stage N` line opens each
// stage's block, and every target below it, up to the next MARK, belongs to that stage.
// Reading the text (rather than asking SwiftPM with `swift package dump-package`) keeps
// `stages check` instant and lets it run inside `swift test`, which holds SwiftPM's lock.

import Foundation

/// One target of Package.swift: a library module, a stage's executable, or a test target.
struct PackageTarget: Equatable {
    enum Kind: Equatable {
        case library
        case executable
        case test
    }

    let name: String
    let kind: Kind
    /// The stage whose `// MARK: Stage N` block declares the target; nil outside every stage.
    let stage: Int?
    /// The targets named in its `dependencies:` list.
    let dependencies: [String]
}

/// The targets of Package.swift, in the order they are declared.
struct PackageManifest {
    let targets: [PackageTarget]

    /// Reads `text`, the contents of Package.swift.
    init(text: String) {
        var targets: [PackageTarget] = []
        var stage: Int?
        var rest = Substring(text)
        while let next = Self.nextMarkOrTarget(in: rest) {
            switch next {
            case .mark(let number, let after):
                stage = number
                rest = after
            case .target(let kind, let body, let after):
                if let name = Self.firstString(after: "name:", in: body) {
                    targets.append(PackageTarget(name: name, kind: kind, stage: stage,
                                                 dependencies: Self.strings(inListAfter: "dependencies:", in: body)))
                }
                rest = after
            }
        }
        self.targets = targets
    }

    /// The library modules of `stage`.
    func modules(ofStage stage: Int) -> [PackageTarget] {
        targets.filter { $0.kind == .library && $0.stage == stage }
    }

    /// Every library module, by name.
    var modulesByName: [String: PackageTarget] {
        Dictionary(targets.filter { $0.kind == .library }.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The target named `name` and every target it depends on, directly or not.
    func closure(of name: String) -> Set<String> {
        let byName = Dictionary(targets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            pending += byName[next]?.dependencies ?? []
        }
        return seen
    }

    private enum Found {
        case mark(Int?, after: Substring)
        case target(PackageTarget.Kind, body: Substring, after: Substring)
    }

    /// The next `// MARK:` line or `.target(…)` call in `text`, whichever comes first.
    private static func nextMarkOrTarget(in text: Substring) -> Found? {
        let calls: [(String, PackageTarget.Kind)] = [
            (".target(", .library), (".executableTarget(", .executable), (".testTarget(", .test),
        ]
        let mark = text.range(of: "// MARK:")
        let call = calls.compactMap { call in text.range(of: call.0).map { ($0, call.1) } }
            .min { $0.0.lowerBound < $1.0.lowerBound }
        if let mark, call.map({ mark.lowerBound < $0.0.lowerBound }) ?? true {
            let line = text[mark.upperBound...].prefix { $0 != "\n" }
            // `// MARK: Stage 2 · …` opens stage 2; any other MARK closes the stages.
            let words = line.split(separator: " ")
            let number = words.first == "Stage" && words.count > 1 ? Int(words[1]) : nil
            return .mark(number, after: text[line.endIndex...])
        }
        guard let (range, kind) = call else { return nil }
        let body = balancedParentheses(from: range.upperBound, in: text)
        return .target(kind, body: body, after: text[body.endIndex...])
    }

    /// The text from `start` up to the `)` that closes the call opened just before it.
    private static func balancedParentheses(from start: Substring.Index, in text: Substring) -> Substring {
        var depth = 1
        var index = start
        while index < text.endIndex {
            switch text[index] {
            case "(": depth += 1
            case ")": depth -= 1
            default: break
            }
            if depth == 0 { return text[start..<index] }
            index = text.index(after: index)
        }
        return text[start...]
    }

    /// The first string literal after `label` in `body`.
    private static func firstString(after label: String, in body: Substring) -> String? {
        guard let labelRange = body.range(of: label) else { return nil }
        let rest = body[labelRange.upperBound...]
        guard let open = rest.firstIndex(of: "\"") else { return nil }
        let afterOpen = rest[rest.index(after: open)...]
        guard let close = afterOpen.firstIndex(of: "\"") else { return nil }
        return String(afterOpen[..<close])
    }

    /// Every string literal in the `[…]` list after `label` in `body`.
    private static func strings(inListAfter label: String, in body: Substring) -> [String] {
        guard let labelRange = body.range(of: label),
              let open = body[labelRange.upperBound...].firstIndex(of: "["),
              let close = body[open...].firstIndex(of: "]") else { return [] }
        return body[open..<close].split(separator: "\"", omittingEmptySubsequences: false)
            .enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
