// Stage 1 · Test harness: showing how two texts differ, line by line.
//
// When a notebook cell's output no longer matches, the failure shows a unified-style
// diff: ` ` for lines both have, `-` for lines only the saved output has, `+` for lines
// only the new run has. The diff is the classic longest-common-subsequence table, which
// is quadratic but fine for cell outputs of a few hundred lines; larger outputs fall
// back to showing both sides whole.

/// A line diff of expected and actual text; used by `NotebookRunner` for mismatch reports.
enum LineDiff {
    /// Above this many table cells (lines × lines), the diff is skipped for a side-by-side dump.
    static let maxTableSize = 1_000_000
    /// At most this many diff lines are shown; the rest is summarised.
    static let maxShownLines = 80

    /// The diff of `expected` against `actual`, one line per output line, prefixed ` `, `-` or `+`.
    static func unified(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines: [String]
        if old.count * new.count > maxTableSize {
            lines = old.map { "-" + $0 } + new.map { "+" + $0 }
        } else {
            lines = diff(old, new)
        }
        if lines.count > maxShownLines {
            let hidden = lines.count - maxShownLines
            lines = Array(lines.prefix(maxShownLines)) + ["… \(hidden) more lines"]
        }
        return lines.joined(separator: "\n")
    }

    /// The LCS-based diff of two line arrays.
    private static func diff(_ old: [String], _ new: [String]) -> [String] {
        // common[i][j] = length of the longest common subsequence of old[i...] and new[j...].
        var common = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var result: [String] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                result.append(" " + old[i]); i += 1; j += 1
            } else if i < old.count, j == new.count || common[i + 1][j] >= common[i][j + 1] {
                // Removals before additions, as `diff -u` prints them.
                result.append("-" + old[i]); i += 1
            } else {
                result.append("+" + new[j]); j += 1
            }
        }
        return result
    }
}
