// Stage 1 · Test harness: making cell outputs comparable across runs.
//
// A notebook's saved outputs were produced on the author's machine at another time;
// the test run produces them again here and now. Before comparing, BOTH sides pass
// through the same rules, in this order:
//
//  1. Line endings: "\r\n" becomes "\n".
//  2. Job notices: the lines an *interactive* bash prints about background jobs,
//     `[1] 12345` when one starts and `[1]+  Done    stage1 …` when it ends, are
//     dropped. Jupyter's bash kernel is interactive and prints them; the runner's bash
//     (and so a recorded notebook) is not and does not. A learner sees them in Jupyter
//     as in a terminal; they say nothing about the stage.
//  3. Timestamps: RFC 3339 / ISO 8601 date-times, such as `2024-05-01T12:00:00Z`,
//     `2024-05-01 12:00:00.123+02:00`, become `<time>`.
//  4. UIDs: UUIDs (`8-4-4-4-12` hex digits) become `<uid>`.
//  5. Durations: Go-style durations standing alone as a word, such as `12ms`, `1.5s`,
//     `3m20s`, `2h`, become `<duration>` (kubectl's AGE column, restart back-offs).
//     Quantities with the same shape (CPU `100m`) are caught too: harmless, because
//     both sides are rewritten alike.
//  6. Process ids: a number after `pid=`, `pid:` or `pid ` (any case) becomes `<pid>`,
//     as does the pid in bash's job reports (`12345 Killed`, `12345 Terminated`).
//  7. Whitespace: trailing spaces and tabs on each line, and blank lines at the end of
//     the output, are dropped.
//
// Because both sides are rewritten, an over-eager rule can only make a comparison less
// strict, never fail a correct notebook. The rules are deliberately few: a notebook
// author keeps outputs stable (no `$!`, no `date`, no random ports) instead of relying
// on normalisation. Exact outputs are what the notebook teaches.

/// Rewrites volatile parts of a cell's output; used by `NotebookRunner` before comparing.
enum OutputNormalizer {
    /// Applies every rule above to `text`.
    static func normalize(_ text: String) -> String {
        var result = text.replacing("\r\n", with: "\n")
        result = result.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            line.wholeMatch(of: /\[\d+\][+-]? +(?:\d+|(?:Done|Exit \d+|Killed|Terminated|Interrupt|Hangup|Stopped)\b.*)/) == nil
        }.joined(separator: "\n")
        result = result.replacing(
            /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/, with: "<time>")
        result = result.replacing(
            /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/, with: "<uid>")
        result = result.replacing(
            /\b\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h)(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))*\b/, with: "<duration>")
        result = result.replacing(/(?i)\b(pid[=:]? ?)\d+/) { "\($0.output.1)<pid>" }
        result = result.replacing(/\b\d+( +(?:Killed|Terminated|Interrupt|Hangup|Done|Exit \d+))/) {
            "<pid>\($0.output.1)"
        }
        var lines = result.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" { line.removeLast() }
            return String(line)
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
