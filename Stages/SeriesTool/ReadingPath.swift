// A stage's reading path: the files its README's "Read it" section names, in order.
//
// These are the lesson; `stages diff` prints them first and the rest of what a stage
// adds (wire-format types, parsers) after them, so a learner sees how large the lesson
// is beside the detail that supports it. The README names files as a reader would:
//
//     2. `Sources/APIServer/APIServer.swift` and `APIRouter.swift`: the front door.
//     8. `Sources/Client/`: how every component talks to the API server.
//
// A bare file name is in the folder named last before it; a folder stands for its files.

import Foundation

enum ReadingPath {
    /// The files, from the repository's top folder, that `readme`'s "Read it" section names.
    static func files(inREADME readme: String, existing: Set<String>) -> [String] {
        var inSection = false
        var folder = ""
        var files: [String] = []
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                inSection = line.hasPrefix("## Read it")
                continue
            }
            guard inSection else { continue }
            for name in quotedNames(in: line) {
                if name.hasSuffix("/") {
                    folder = name
                    files += existing.filter { $0.hasPrefix(name) }.sorted()
                } else if name.hasSuffix(".swift") {
                    let path = name.contains("/") ? name : folder + name
                    if name.contains("/") { folder = String(name[...(name.lastIndex(of: "/") ?? name.startIndex)]) }
                    if existing.contains(path) { files.append(path) }
                }
            }
        }
        var seen: Set<String> = []
        return files.filter { seen.insert($0).inserted }
    }

    /// The texts between backticks on `line`.
    private static func quotedNames(in line: Substring) -> [String] {
        line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
