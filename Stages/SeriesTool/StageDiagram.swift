// The picture of a stage: the Mermaid block that opens its README and its notebook.
//
// The picture is kept beside the code so that it cannot drift: a box whose id starts
// with a capital letter names a module, and `stages check` compares the boxes with
// Package.swift. Every module the stage introduces must be drawn inside the subgraph
// `new`, and nothing else may be. Ids in lower case (`kubectl`, `disk`) are things
// outside the package. The README and the notebook must show the same block.

import Foundation

/// The boxes of one Mermaid flowchart, and which of them sit in the `new` subgraph.
struct StageDiagram: Equatable {
    /// The block's lines, without the fences, as written.
    let lines: [String]
    /// The ids of every node, box or arrow end.
    let ids: Set<String>
    /// The ids declared inside `subgraph new[…]`.
    let newIDs: Set<String>

    /// The first ```` ```mermaid ```` block of `markdown`, or nil when there is none.
    init?(markdown: String) {
        let all = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = all.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "```mermaid" }),
              let end = all[(start + 1)...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "```" })
        else { return nil }
        self.init(lines: Array(all[(start + 1)..<end]))
    }

    init(lines: [String]) {
        self.lines = lines
        var ids: Set<String> = []
        var newIDs: Set<String> = []
        var subgraphs: [String] = []
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let words = line.split(separator: " ")
            guard let first = words.first else { continue }
            switch first {
            case "flowchart", "graph", "classDef", "class", "style", "linkStyle", "direction":
                continue
            case "subgraph":
                subgraphs.append(words.count > 1 ? Self.leadingID(of: Substring(words[1])) : "")
                continue
            case "end":
                _ = subgraphs.popLast()
                continue
            default:
                if line.hasPrefix("%%") { continue }
            }
            let found = Self.ids(inStatement: line)
            ids.formUnion(found)
            // A node belongs to the subgraph in which it is first declared (not an arrow).
            if subgraphs.contains("new"), found.count == 1 { newIDs.formUnion(found) }
        }
        self.ids = ids
        self.newIDs = newIDs
    }

    /// The ids that name modules: those that start with a capital letter.
    var moduleIDs: Set<String> { ids.filter { $0.first?.isUppercase == true } }

    /// `A["…"]` gives A; `A -- "text" --> B` and `A -.-> B` give A and B.
    private static func ids(inStatement line: String) -> Set<String> {
        let arrows = ["-->", "-.->", "==>", "---"]
        guard arrows.contains(where: line.contains) else {
            let id = leadingID(of: Substring(line))
            return id.isEmpty ? [] : [id]
        }
        var ends: Set<String> = []
        let source = leadingID(of: Substring(line))
        if !source.isEmpty { ends.insert(source) }
        // The target is whatever follows the last arrow, after an optional |label|.
        var tail = Substring(line)
        for arrow in arrows {
            if let range = tail.range(of: arrow, options: .backwards) { tail = tail[range.upperBound...] }
        }
        tail = tail.drop { $0 == " " }
        if tail.first == "|", let close = tail.dropFirst().firstIndex(of: "|") {
            tail = tail[tail.index(after: close)...].drop { $0 == " " }
        }
        let target = leadingID(of: tail)
        if !target.isEmpty { ends.insert(target) }
        return ends
    }

    /// The identifier that `text` starts with: letters, digits and underscores.
    private static func leadingID(of text: Substring) -> String {
        String(text.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
    }
}
