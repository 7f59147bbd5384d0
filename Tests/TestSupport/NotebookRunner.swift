// Stage 1 · Test harness: running a stage's notebook as a test, or recording it.
//
// Each stage's notebook (`Notebooks/NN-name.ipynb`, bash cells with saved outputs) is
// executed by the test suite top to bottom, without Jupyter, and fails when a cell's
// output no longer matches what is saved — so the notebooks cannot rot.
//
// - Cells run in ONE bash session (`NotebookShell`) that starts in the notebook's own
//   folder, `Notebooks/`, because that is where Jupyter starts its kernel. Each
//   notebook's first cell finds the package root from there, builds its stage and puts
//   it on `PATH`; the runner adds nothing to `PATH`, so a notebook that would fail in
//   Jupyter with `stage1: command not found` fails here too.
// - The runner cannot let that cell build: `swift test` holds the build directory's lock
//   while the tests run, so a `swift build` inside a test waits for it forever. It sets
//   `STAGE_BINARIES` to the directory of the binaries `swift test` built, and the first
//   cell uses that directory instead of building. Any other cell that shows a build to
//   the reader carries the tag `skip-in-tests` and is not run.
// - A cell fails when its last command exits non-zero (Jupyter's bash kernel shows that
//   as an error), unless it carries Jupyter's tag for that, `raises-exception`.
// - Each cell has `cellTimeout`, the whole notebook `notebookTimeout`. A cell that
//   overruns, or kills bash, ends the run with a failure naming the cell.
// - Outputs are compared after `OutputNormalizer` rewrites timestamps, uids and other
//   volatile text on both sides; a mismatch shows a line diff.
// - Record mode (`NOTEBOOK_RECORD=1 swift test --filter Notebook`) writes the outputs
//   as produced back into the file instead, numbers the executed cells 1…n, and
//   keeps everything else. An author writes cells, records, and reviews the git diff.
//
// `JupyterNotebookRunner` runs the same notebook through a real Jupyter kernel, where
// one is installed, and checks it with the same comparison.
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
    /// Cells with this tag may end with a non-zero status (Jupyter's own tag for it).
    static let errorTag = "raises-exception"
    /// The variable that tells a notebook's first cell where the built binaries are.
    static let binariesVariable = "STAGE_BINARIES"
    /// The environment variable that switches on record mode when set to `1`.
    static let recordVariable = "NOTEBOOK_RECORD"
    /// How many lines of a cell's source a failure message quotes.
    static let quotedSourceLines = 4

    /// True when `NOTEBOOK_RECORD=1` is set: the default for `run(notebook:record:)`.
    static var isRecordingRequested: Bool {
        ProcessInfo.processInfo.environment[recordVariable] == "1"
    }

    /// The directory bash starts in; nil means the notebook's own folder, as in Jupyter.
    var workingDirectory: URL? = nil
    /// Handed to the notebook as `STAGE_BINARIES`, so its first cell need not build.
    var binariesDirectory = Binaries.directory
    /// Further environment for bash (overriding this process's).
    var environment: [String: String] = [:]
    var cellTimeout = NotebookRunner.defaultCellTimeout
    var notebookTimeout = NotebookRunner.defaultNotebookTimeout

    /// Runs every code cell of `notebook` and compares (or, if `record`, saves) the outputs.
    func run(notebook url: URL, record: Bool = NotebookRunner.isRecordingRequested) async throws -> NotebookReport {
        var notebook = try Notebook(contentsOf: url)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        let directory = workingDirectory ?? url.deletingLastPathComponent()
        var shell = try NotebookShell(workingDirectory: directory, environment: shellEnvironment, scratchDirectory: scratch)
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
        failures += Self.failedCells(results, of: notebook.cells)

        if record {
            if failures.isEmpty { try save(results, into: &notebook, at: url) }
        } else {
            failures += Self.compare(results, with: notebook.cells)
        }
        return NotebookReport(notebook: url, wasRecorded: record && failures.isEmpty, cells: results, failures: failures)
    }

    /// Where the binaries are, and settings that keep output plain; `PATH` is left as it is.
    var shellEnvironment: [String: String] {
        let plain = [Self.binariesVariable: binariesDirectory.path, "TERM": "dumb", "NO_COLOR": "1", "BASH_ENV": ""]
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

    /// A failure for every executed cell that ended with a non-zero status and is not
    /// tagged `raises-exception`: Jupyter would show it as an error.
    static func failedCells(_ results: [NotebookReport.CellResult], of cells: [Notebook.Cell]) -> [NotebookReport.Failure] {
        results.compactMap { result in
            guard let status = result.exitStatus, status != 0 else { return nil }
            let cell = cells[result.cellNumber - 1]
            guard !cell.tags.contains(errorTag) else { return nil }
            return .init(
                cellNumber: result.cellNumber, kind: .cellFailed,
                description: heading(cell) + "ended with status \(status), which Jupyter shows as an error "
                    + "(tag the cell `\(errorTag)` if that is meant). Output:\n" + indented(result.output ?? "")
            )
        }
    }

    /// A failure for every executed cell whose normalised output differs from its saved one.
    static func compare(_ results: [NotebookReport.CellResult], with cells: [Notebook.Cell]) -> [NotebookReport.Failure] {
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
    static func heading(_ cell: Notebook.Cell) -> String {
        let lines = cell.source.split(separator: "\n", omittingEmptySubsequences: false)
        var quoted = lines.prefix(quotedSourceLines).map { "    $ " + $0 }
        if lines.count > quotedSourceLines { quoted.append("    $ …") }
        return "Cell \(cell.index + 1):\n" + quoted.joined(separator: "\n") + "\n"
    }

    /// Output indented for a failure message.
    static func indented(_ text: String) -> String {
        text.isEmpty ? "  (no output)" : text.split(separator: "\n", omittingEmptySubsequences: false).map { "  | " + $0 }.joined(separator: "\n")
    }
}
