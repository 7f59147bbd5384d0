// A line diff in the unified format, for comparing two stages' composition roots.
//
// The longest common subsequence of the two files' lines is what they share; every
// other line was removed (`-`) or added (`+`). Lines shared are shown only near a
// change, three on each side, as `diff -u` does.

/// Compares two texts line by line.
enum UnifiedDiff {
    /// Lines of context shown around each change.
    static let context = 3

    /// The unified diff of `old` to `new`, hunk headers included; empty when they are equal.
    static func lines(from old: String, to new: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edits = script(a, b)
        var output = ""
        var index = 0
        while index < edits.count {
            guard let firstChange = edits[index...].firstIndex(where: { $0.kind != " " }) else { break }
            var end = firstChange
            // Extend the hunk while the next change is close enough to share context.
            while let next = edits[(end + 1)...].firstIndex(where: { $0.kind != " " }), next - end <= 2 * context {
                end = next
            }
            let start = max(firstChange - context, index)
            let stop = min(end + context, edits.count - 1)
            let hunk = edits[start...stop]
            let oldStart = (hunk.first?.oldLine ?? 0) + 1
            let newStart = (hunk.first?.newLine ?? 0) + 1
            output += "@@ -\(oldStart),\(hunk.filter { $0.kind != "+" }.count) +\(newStart),\(hunk.filter { $0.kind != "-" }.count) @@\n"
            for edit in hunk { output += "\(edit.kind)\(edit.text)\n" }
            index = stop + 1
        }
        return output
    }

    /// One line of the edit script: kept (" "), removed ("-") or added ("+").
    struct Edit {
        let kind: Character
        let text: String
        let oldLine: Int
        let newLine: Int
    }

    /// The edit script turning `a` into `b`, from a longest-common-subsequence table.
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(Edit(kind: " ", text: a[i], oldLine: i, newLine: j)); i += 1; j += 1
            } else if j < b.count, i == a.count || table[i][j + 1] >= table[i + 1][j] {
                edits.append(Edit(kind: "+", text: b[j], oldLine: i, newLine: j)); j += 1
            } else {
                edits.append(Edit(kind: "-", text: a[i], oldLine: i, newLine: j)); i += 1
            }
        }
        return edits
    }
}
