// A library file of the series, with the stage its header says introduced it.

import Foundation

/// One `Sources/**.swift` file and what its first line says about it.
struct SeriesFile {
    /// The path from the repository's top folder.
    let path: String
    /// The stage that introduced the file: the N of `// Stage N · Module: role.`
    let stage: Int
    /// The rest of the header: `Module: role.`
    let role: String
    /// How long the file is.
    let lineCount: Int

    /// Every library file under `root/Sources`, in stage then path order.
    static func all(under root: URL) -> [SeriesFile] {
        let sources = root.appendingPathComponent("Sources")
        let paths = (FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".swift") }
        return paths.compactMap { relative -> SeriesFile? in
            guard let text = try? String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8),
                  let header = text.split(separator: "\n", maxSplits: 1).first,
                  let parsed = parse(header: String(header)) else { return nil }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0)
            return SeriesFile(path: "Sources/\(relative)", stage: parsed.stage, role: parsed.role, lineCount: lines)
        }
        .sorted { ($0.stage, $0.path) < ($1.stage, $1.path) }
    }

    /// Reads `// Stage 2 · HTTP: an HTTP client.` as (2, "HTTP: an HTTP client.").
    static func parse(header: String) -> (stage: Int, role: String)? {
        guard header.hasPrefix("// Stage ") else { return nil }
        let rest = header.dropFirst("// Stage ".count)
        let number = rest.prefix { $0.isNumber }
        guard let stage = Int(number) else { return nil }
        let role = rest.dropFirst(number.count).drop { $0 == " " || $0 == "·" }
        return (stage, String(role))
    }
}
