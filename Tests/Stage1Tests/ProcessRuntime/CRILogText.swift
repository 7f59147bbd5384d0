// Stage 1 · ProcessRuntime tests: reading back what a container printed from its CRI log.
//
// The runtime writes each line as `<time> <stream> <F|P> <text>`; tests of the runtime
// care about the text, so this strips the first three fields of every entry.

import Foundation

/// The text of the CRI log file at `path`: each entry's line, as the container printed it.
func criLogText(_ path: String) throws -> String {
    let log = try String(contentsOfFile: path, encoding: .utf8)
    var text = ""
    for entry in log.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
        let fields = entry.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count >= 3 else { text += entry + "\n"; continue }
        text += (fields.count == 4 ? fields[3] : "") + (fields[2] == "F" ? "\n" : "")
    }
    return text
}
