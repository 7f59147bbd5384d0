// Stage 1 · Test harness: the code a notebook points at exists.
//
// Each section of a notebook that runs something ends with a paragraph beginning
// `**In the code:**`, which says where the behaviour just seen lives: files
// (`PodWorker+Sync.swift`, or a path from the package root such as
// `Stages/Stage1/main.swift`) and the functions and types in them
// (`restartAfterBackoff`). Code moves and gets renamed; prose that names it does not
// follow. So the suite checks every such paragraph:
//
//   - each file it names exists: a bare file name anywhere under `Sources/` or
//     `Stages/`, a path from the package root;
//   - each other name in backticks that is a Swift identifier (or dotted identifiers,
//     `YAMLNode.jsonText`) occurs, every part of it, in one of the files the same
//     paragraph names. Names that are not identifiers (`/pods`, `kubectl get`) are
//     left alone;
//   - every section (from a `## ` heading to the next) that has a code cell has such
//     a paragraph.

import Foundation

/// Finds the names in a notebook's "In the code" paragraphs that the code no longer has.
enum NotebookCodeReferences {
    /// How a paragraph that points at the code begins.
    static let marker = "**In the code:**"

    /// Every problem found in `notebook` against the package at `root`; empty when all is well.
    static func problems(in notebook: Notebook, root: URL) -> [String] {
        let files = swiftFiles(under: ["Sources", "Stages"], in: root)
        var problems: [String] = []
        var section = "(before the first section)"
        var sectionRunsCode = false
        var sectionNamesCode = false
        func endSection() {
            if sectionRunsCode && !sectionNamesCode {
                problems.append("section \"\(section)\" runs code but has no \(marker) paragraph")
            }
        }
        for cell in notebook.cells {
            if cell.isCode {
                sectionRunsCode = true
                continue
            }
            for paragraph in cell.source.components(separatedBy: "\n\n") {
                if let heading = paragraph.split(separator: "\n").first(where: { $0.hasPrefix("## ") }) {
                    endSection()
                    section = String(heading.dropFirst(3))
                    sectionRunsCode = false
                    sectionNamesCode = false
                }
                guard paragraph.hasPrefix(marker) else { continue }
                sectionNamesCode = true
                problems += check(paragraph, section: section, files: files, root: root)
            }
        }
        endSection()
        return problems
    }

    /// The problems of one "In the code" paragraph.
    private static func check(_ paragraph: String, section: String, files: [String: [URL]], root: URL) -> [String] {
        let names = paragraph.matches(of: /`([^`]+)`/).map { String($0.output.1) }
        var problems: [String] = []
        var cited: [URL] = []
        for name in names where name.hasSuffix(".swift") {
            let found = name.contains("/") ? [root.appendingPathComponent(name)].filter { FileManager.default.fileExists(atPath: $0.path) }
                                            : files[name] ?? []
            if found.isEmpty { problems.append("section \"\(section)\" names `\(name)`, which does not exist") }
            cited += found
        }
        let texts = cited.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
        for name in names where !name.hasSuffix(".swift") && name.wholeMatch(of: /[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/) != nil {
            let parts = name.split(separator: ".").map(String.init)
            guard !texts.contains(where: { text in parts.allSatisfy { text.contains($0) } }) else { continue }
            let places = cited.isEmpty ? "no file is named beside it" : cited.map(\.lastPathComponent).joined(separator: ", ")
            problems.append("section \"\(section)\" names `\(name)`, which is not in \(places)")
        }
        return problems
    }

    /// Every `.swift` file under `folders` of `root`, by file name.
    private static func swiftFiles(under folders: [String], in root: URL) -> [String: [URL]] {
        var result: [String: [URL]] = [:]
        for folder in folders {
            let base = root.appendingPathComponent(folder)
            guard let paths = FileManager.default.subpaths(atPath: base.path) else { continue }
            for path in paths where path.hasSuffix(".swift") {
                let url = base.appendingPathComponent(path)
                result[url.lastPathComponent, default: []].append(url)
            }
        }
        return result
    }
}
