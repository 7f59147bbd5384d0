// Stage 1 · Test harness: tests of `JupyterNotebookRunner` on a fixture notebook.
//
// One notebook exercises everything the check does with a real kernel, because starting
// a kernel takes seconds: the working directory, the environment, a job notice (which
// only an interactive bash prints), an output that differs, a failing last command with
// and without `raises-exception`, and a skipped cell.

@testable import TestSupport
import Foundation
import Testing

@Suite(.enabled(if: JupyterNotebookRunner.isAvailable,
                "Jupyter is not installed, so its runner was not tested (\(JupyterNotebookRunner.installHint))"))
struct JupyterNotebookRunnerTests {
    @Test func aRealKernelRunsTheCellsFromTheNotebooksFolderAndTheirFailuresAreReported() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = directory.url.appendingPathComponent("Notebooks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = try NotebookFixture(cells: [
            .init(source: "basename \"$PWD\"\necho \"$STAGE_BINARIES\"", savedOutput: "Notebooks\n\(Binaries.directory.path)\n"),
            .init(source: "sleep 0.1 &\nwait $!\necho waited", savedOutput: "waited\n"),
            .init(source: "echo actual", savedOutput: "expected\n"),
            .init(source: "echo failing; false", savedOutput: "failing\n"),
            .init(source: "false", savedOutput: "", tags: [NotebookRunner.errorTag]),
            .init(source: "exit 1", savedOutput: "", tags: [NotebookRunner.skipTag]),
        ]).write(named: "Notebooks/fixture.ipynb", in: directory)

        let report = try await JupyterNotebookRunner().run(notebook: url)
        #expect(report.failures.map(\.cellNumber) == [3, 4], "\(report)")
        #expect(report.failures.map(\.kind) == [.outputMismatch, .cellFailed], "\(report)")
        #expect(report.cells.map(\.wasSkipped) == [false, false, false, false, false, true])
        #expect(report.cells.prefix(5).map(\.exitStatus) == [0, 0, 0, 1, 1])
    }
}
