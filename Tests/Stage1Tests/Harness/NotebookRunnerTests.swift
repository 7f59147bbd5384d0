// Stage 1 · Test harness: tests of `NotebookRunner` on fixture notebooks.

@testable import TestSupport
import Foundation
import Testing

@Suite struct NotebookRunnerTests {
    /// A runner whose bash starts in `directory` (the notebook's folder in real notebook tests).
    private func runner(in directory: TemporaryDirectory, cellTimeout: Duration = .seconds(30)) -> NotebookRunner {
        var runner = NotebookRunner()
        runner.workingDirectory = directory.url
        runner.cellTimeout = cellTimeout
        return runner
    }

    @Test func stateCarriesFromCellToCellAndMatchingOutputsPass() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try NotebookFixture(cells: [
            .init(source: "This notebook is a fixture.", isMarkdown: true),
            .init(source: "GREETING=hello\nmkdir -p sub && cd sub", savedOutput: ""),
            .init(source: "echo \"$GREETING, world\"\nbasename \"$PWD\"", savedOutput: "hello, world\nsub\n"),
            .init(source: "echo \"$STAGE_BINARIES\"", savedOutput: Binaries.directory.path + "\n"),
        ]).write(in: directory)
        let report = try await runner(in: directory).run(notebook: url, record: false)
        #expect(report.isPassing, "\(report)")
        #expect(report.cells.map(\.exitStatus) == [0, 0, 0])
    }

    @Test func timestampsAndCommandNotFoundMessagesCompareAcrossRuns() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try NotebookFixture(cells: [
            .init(source: "date -u +%Y-%m-%dT%H:%M:%SZ", savedOutput: "2020-01-01T00:00:00Z\n"),
            .init(source: "no-such-command-here", savedOutput: "bash: line 1: no-such-command-here: command not found\n",
                  tags: [NotebookRunner.errorTag]),
        ]).write(in: directory)
        let report = try await runner(in: directory).run(notebook: url, record: false)
        #expect(report.isPassing, "\(report)")
        #expect(report.cells.last?.exitStatus == 127)
    }

    @Test func bashStartsInTheNotebooksOwnFolderAsJupyterDoes() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = directory.url.appendingPathComponent("Notebooks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = try NotebookFixture(cells: [
            .init(source: "basename \"$PWD\"", savedOutput: "Notebooks\n"),
        ]).write(named: "Notebooks/fixture.ipynb", in: directory)
        let report = try await NotebookRunner().run(notebook: url, record: false)
        #expect(report.isPassing, "\(report)")
    }

    @Test func aCellEndingInAFailureFailsUnlessTaggedRaisesException() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try NotebookFixture(cells: [
            .init(source: "echo checking; false", savedOutput: "checking\n"),
            .init(source: "false", savedOutput: "", tags: [NotebookRunner.errorTag]),
            .init(source: "echo still here", savedOutput: "still here\n"),
        ]).write(in: directory)
        let report = try await runner(in: directory).run(notebook: url, record: false)
        let failure = try #require(report.failures.first)
        #expect(report.failures.count == 1)
        #expect(failure.cellNumber == 1 && failure.kind == .cellFailed)
        #expect(failure.description.contains("ended with status 1"))
        #expect(report.cells.map(\.exitStatus) == [1, 1, 0])
    }

    @Test func aMismatchingCellFailsWithADiffNamingTheCell() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try NotebookFixture(cells: [
            .init(source: "echo same", savedOutput: "same\n"),
            .init(source: "echo same; echo actual", savedOutput: "same\nexpected\n"),
        ]).write(in: directory)
        let report = try await runner(in: directory).run(notebook: url, record: false)
        let failure = try #require(report.failures.first)
        #expect(report.failures.count == 1)
        #expect(failure.cellNumber == 2 && failure.kind == .outputMismatch)
        #expect(failure.description.contains("Cell 2:\n    $ echo same; echo actual"))
        #expect(failure.description.contains(" same\n-expected\n+actual"))
    }

    @Test func skippedCellsAreNotRun() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try NotebookFixture(cells: [
            .init(source: "exit 1", savedOutput: "", tags: [NotebookRunner.skipTag]),
            .init(source: "echo still here", savedOutput: "still here\n"),
        ]).write(in: directory)
        let report = try await runner(in: directory).run(notebook: url, record: false)
        #expect(report.isPassing, "\(report)")
        #expect(report.cells.map(\.wasSkipped) == [true, false])
    }

    @Test func backgroundJobsAreKilledAtTheEnd() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let marker = "harness-notebook-\(UUID().uuidString)"
        let url = try NotebookFixture(cells: [
            .init(source: "sh -c 'while :; do sleep 1; done' \(marker) &\nJOB=$!\necho started", savedOutput: "started\n"),
            .init(source: "kill -0 \"$JOB\" && echo still running", savedOutput: "still running\n"),
        ]).write(in: directory)
        let report = try await runner(in: directory).run(notebook: url, record: false)
        #expect(report.isPassing, "\(report)")
        try await eventually("the notebook's background job to be gone") {
            try await ProcessTable.processes(commandLineContaining: marker).isEmpty
        }
    }

    @Test func aCellThatOverrunsItsDeadlineFailsAndLaterCellsDoNotRun() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try NotebookFixture(cells: [
            .init(source: "echo before; sleep 30", savedOutput: "before\n"),
            .init(source: "echo after", savedOutput: "after\n"),
        ]).write(in: directory)
        // Timing under test: the cell's deadline. It is long enough for a loaded machine to
        // start bash and print "before", which the failure must quote; the cell sleeps 30 s.
        let report = try await runner(in: directory, cellTimeout: .seconds(3)).run(notebook: url, record: false)
        let failure = try #require(report.failures.first)
        #expect(failure.kind == .timedOut && failure.cellNumber == 1)
        #expect(failure.description.contains("| before"))
        #expect(report.cells.isEmpty)
    }

    @Test func aCellThatExitsBashFailsNamingTheCell() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try NotebookFixture(cells: [
            .init(source: "echo bye; exit 3", savedOutput: "bye\n"),
        ]).write(in: directory)
        let report = try await runner(in: directory).run(notebook: url, record: false)
        let failure = try #require(report.failures.first)
        #expect(failure.kind == .shellExited && failure.cellNumber == 1)
        #expect(failure.description.contains("with status 3"))
    }

    @Test func recordModeWritesOutputsThatTheNextRunAccepts() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try NotebookFixture(cells: [
            .init(source: "# Title", isMarkdown: true),
            .init(source: "echo one", savedOutput: "stale\n"),
            .init(source: "swift build", tags: [NotebookRunner.skipTag]),
            .init(source: "printf 'two\\nthree'", savedOutput: nil),
        ]).write(in: directory)
        let recorded = try await runner(in: directory).run(notebook: url, record: true)
        #expect(recorded.isPassing && recorded.wasRecorded, "\(recorded)")

        let notebook = try Notebook(contentsOf: url)
        #expect(notebook.cells.map(\.savedOutput) == ["", "one\n", "", "two\nthree"])
        let cells = notebook.document["cells"]?.arrayValue ?? []
        #expect(cells.map { $0["execution_count"] } == [nil, .integer(1), .null, .integer(2)])
        #expect(notebook.document["metadata"]?["kernelspec"] == Notebook.bashKernelSpec)
        #expect(notebook.document["metadata"]?["language_info"]?["name"] == .string("bash"))

        let checked = try await runner(in: directory).run(notebook: url, record: false)
        #expect(checked.isPassing, "\(checked)")
    }
}
