// Stage 1 · Test harness: running a stage's notebook as a test, or recording it.
//
// Each stage's notebook (`Notebooks/NN-name.ipynb`, bash cells with saved outputs) is
// executed by the test suite top to bottom, without Jupyter, and fails when a cell's
// output no longer matches what is saved — so the notebooks cannot rot.
//
// - Cells run in ONE bash session (`NotebookShell`), in the package root, with the
//   build directory first on `PATH`, so a cell calls `stage1` as a learner would after
//   `swift build`. Cells must never call `swift build` or `swift run`: inside
//   `swift test` they would wait forever for the build lock. A cell that shows such a
//   command to the reader carries the tag `skip-in-tests` and is not run.
// - Each cell has `cellTimeout`, the whole notebook `notebookTimeout`. A cell that
//   overruns, or kills bash, ends the run with a failure naming the cell.
// - Outputs are compared after `OutputNormalizer` rewrites timestamps, uids and other
//   volatile text on both sides; a mismatch shows a line diff.
// - Record mode (`NOTEBOOK_RECORD=1 swift test --filter Notebook`) writes the outputs
//   as produced back into the file instead, numbers the executed cells 1…n, and
//   keeps everything else. An author writes cells, records, and reviews the git diff.
//
//     @Test(.enabled(if: Tools.isInstalled("curl"), "the notebook calls curl"))
//     func notebookRunsAsSaved() async throws {
//         let url = Binaries.packageRoot.appendingPathComponent("Notebooks/01-kubelet.ipynb")
//         let report = try await NotebookRunner().run(notebook: url)
//         report.recordIssues()
//     }

import Foundation

/// Executes a notebook's bash cells and checks (or records) their outputs; called by notebook tests.
struct NotebookRunner: Sendable {
    /// The longest one cell may run: a cell that waits for a pod, or builds, on a loaded
    /// machine may take a minute or more.
    static let defaultCellTimeout: Duration = .seconds(180)
    /// The longest a whole notebook may run.
    static let defaultNotebookTimeout: Duration = .seconds(600)
    /// Cells with this tag in `metadata.tags` are not run (e.g. `swift build` cells).
    static let skipTag = "skip-in-tests"
    /// The environment variable that switches on record mode when set to `1`.
    static let recordVariable = "NOTEBOOK_RECORD"
    /// How many lines of a cell's source a failure message quotes.
    static let quotedSourceLines = 4

    /// True when `NOTEBOOK_RECORD=1` is set: the default for `run(notebook:record:)`.
    static var isRecordingRequested: Bool {
        ProcessInfo.processInfo.environment[recordVariable] == "1"
    }

    /// The directory bash starts in: the package root, as for a learner in a clone.
    var workingDirectory = Binaries.packageRoot
    /// Prepended to `PATH`, so cells find the stage binaries.
    var binariesDirectory = Binaries.directory
    /// Further environment for bash (overriding this process's).
    var environment: [String: String] = [:]
    /// The deadline for each cell.
    var cellTimeout = NotebookRunner.defaultCellTimeout
    /// The deadline for the whole notebook.
    var notebookTimeout = NotebookRunner.defaultNotebookTimeout

    /// Runs every code cell of `notebook` and compares (or, if `record`, saves) the outputs.
    func run(notebook url: URL, record: Bool = NotebookRunner.isRecordingRequested) async throws -> NotebookReport {
        var notebook = try Notebook(contentsOf: url)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        var shell = try NotebookShell(workingDirectory: workingDirectory, environment: shellEnvironment, scratchDirectory: scratch)
        var results: [NotebookReport.CellResult] = []
        var failures: [NotebookReport.Failure] = []
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: notebookTimeout)
        for cell in notebook.cells where cell.isCode {
            let number = cell.index + 1
            if cell.tags.contains(Self.skipTag) {
                results.append(.init(cellNumber: number, source: cell.source, output: nil, exitStatus: nil))
                continue
            }
            let timeout = min(cellTimeout, clock.now.duration(to: deadline))
            do {
                let execution = try await shell.run(cell.source, cellNumber: number, timeout: timeout)
                results.append(.init(cellNumber: number, source: cell.source, output: execution.output, exitStatus: execution.exitStatus))
            } catch let failure as NotebookShell.Failure {
                failures.append(Self.describe(failure, cell: cell, timeout: timeout))
                break
            }
        }
        await shell.close()

        if record {
            if failures.isEmpty { try save(results, into: &notebook, at: url) }
        } else {
            failures += Self.compare(results, with: notebook.cells)
        }
        return NotebookReport(notebook: url, wasRecorded: record && failures.isEmpty, cells: results, failures: failures)
    }

    /// This process's `PATH` with the binaries first, and settings that keep output plain.
    private var shellEnvironment: [String: String] {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let plain = ["PATH": "\(binariesDirectory.path):\(path)", "TERM": "dumb", "NO_COLOR": "1", "BASH_ENV": ""]
        return plain.merging(environment) { _, added in added }
    }

    /// Writes the produced outputs into the notebook file (record mode).
    private func save(_ results: [NotebookReport.CellResult], into notebook: inout Notebook, at url: URL) throws {
        var executionCount = 0
        for result in results {
            guard let output = result.output else { continue }
            executionCount += 1
            notebook.record(output: output, executionCount: executionCount, forCellAt: result.cellNumber - 1)
        }
        notebook.ensureBashKernelSpec()
        try notebook.write(to: url)
    }

    /// A failure for every executed cell whose normalised output differs from its saved one.
    private static func compare(_ results: [NotebookReport.CellResult], with cells: [Notebook.Cell]) -> [NotebookReport.Failure] {
        results.compactMap { result in
            guard let output = result.output else { return nil }
            let cell = cells[result.cellNumber - 1]
            let expected = OutputNormalizer.normalize(cell.savedOutput)
            let actual = OutputNormalizer.normalize(output)
            guard expected != actual else { return nil }
            let diff = LineDiff.unified(expected: expected, actual: actual)
            return .init(
                cellNumber: result.cellNumber, kind: .outputMismatch,
                description: heading(cell) + "output differs from the saved output (after normalisation):\n"
                    + "--- saved in the notebook\n+++ produced now\n" + diff
            )
        }
    }

    /// A failure for a cell that timed out or ended bash, showing what it printed.
    private static func describe(_ failure: NotebookShell.Failure, cell: Notebook.Cell, timeout: Duration) -> NotebookReport.Failure {
        let number = cell.index + 1
        switch failure {
        case .timedOut(let output):
            return .init(cellNumber: number, kind: .timedOut,
                         description: heading(cell) + "did not finish within \(timeout); bash and its jobs were killed. Output so far:\n" + indented(output))
        case .shellExited(let status, let output):
            let how = status.map { "with status \($0)" } ?? "(its output closed)"
            return .init(cellNumber: number, kind: .shellExited,
                         description: heading(cell) + "ended the bash session \(how); later cells were not run. Output:\n" + indented(output))
        }
    }

    /// "Cell 4:" and the first lines of the cell's source, as every failure begins.
    private static func heading(_ cell: Notebook.Cell) -> String {
        let lines = cell.source.split(separator: "\n", omittingEmptySubsequences: false)
        var quoted = lines.prefix(quotedSourceLines).map { "    $ " + $0 }
        if lines.count > quotedSourceLines { quoted.append("    $ …") }
        return "Cell \(cell.index + 1):\n" + quoted.joined(separator: "\n") + "\n"
    }

    /// Output indented for a failure message.
    private static func indented(_ text: String) -> String {
        text.isEmpty ? "  (no output)" : text.split(separator: "\n", omittingEmptySubsequences: false).map { "  | " + $0 }.joined(separator: "\n")
    }
}
