// Stage 1 · Test harness: tests of the check that a notebook's "In the code" names exist.

@testable import TestSupport
import Foundation
import Testing

@Suite struct NotebookCodeReferencesTests {
    /// A package root with one source file, `Sources/Kubelet/PodWorker+Sync.swift`.
    private func package() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let folder = directory.url.appendingPathComponent("Sources/Kubelet")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try directory.write("extension PodWorker {\n    func restartAfterBackoff() {}\n}\n",
                                to: "Sources/Kubelet/PodWorker+Sync.swift")
        return directory
    }

    @Test func namesThatExistPass() throws {
        let root = try package()
        defer { root.remove() }
        let url = try NotebookFixture(cells: [
            .init(source: "## 1. Restarts", isMarkdown: true),
            .init(source: "echo restarted", savedOutput: "restarted\n"),
            .init(source: "**In the code:** `restartAfterBackoff` in `PodWorker+Sync.swift`, "
                + "`PodWorker.restartAfterBackoff` in `Sources/Kubelet/PodWorker+Sync.swift`; `/pods` is no identifier.",
                  isMarkdown: true),
            .init(source: "## What you have seen\n\nNo code here, so no paragraph is needed.", isMarkdown: true),
        ]).write(in: root)
        #expect(NotebookCodeReferences.problems(in: try Notebook(contentsOf: url), root: root.url) == [])
    }

    @Test func aMissingFileAMissingNameAndASilentSectionAreReported() throws {
        let root = try package()
        defer { root.remove() }
        let url = try NotebookFixture(cells: [
            .init(source: "## 1. Restarts", isMarkdown: true),
            .init(source: "echo restarted", savedOutput: "restarted\n"),
            .init(source: "**In the code:** `restartWithBackoff` in `PodWorker+Sync.swift`; `Gone.swift`.", isMarkdown: true),
            .init(source: "## 2. Silence", isMarkdown: true),
            .init(source: "echo nothing", savedOutput: "nothing\n"),
        ]).write(in: root)
        #expect(NotebookCodeReferences.problems(in: try Notebook(contentsOf: url), root: root.url) == [
            "section \"1. Restarts\" names `Gone.swift`, which does not exist",
            "section \"1. Restarts\" names `restartWithBackoff`, which is not in PodWorker+Sync.swift",
            "section \"2. Silence\" runs code but has no **In the code:** paragraph",
        ])
    }
}
