// Stage 1 · Test harness: running a stage's notebook through a real Jupyter kernel.
//
// `NotebookRunner` runs a notebook's cells in a bash it drives itself. That is close to
// what a learner gets in JupyterLab, not the same: Jupyter's bash kernel (`bash_kernel`)
// runs an *interactive* bash on a terminal, which expands `!` in double quotes, reports
// background jobs, and calls a cell an error when its last command fails. So where
// Jupyter is installed (python3 with `nbclient` and `nbformat`, and the `bash` kernel
// registered by `python3 -m bash_kernel.install`), the suite also runs each notebook
// the way JupyterLab does:
//
//   1. a small Python script (`script` below) reads the notebook with nbformat, clears
//      its outputs, blanks the cells tagged `skip-in-tests`, and executes it with
//      nbclient on the `bash` kernel, started in the notebook's folder (`Notebooks/`),
//      into a copy in a scratch folder: the notebook itself is never written;
//   2. this runner reads the executed copy and checks it as `NotebookRunner` does: a
//      cell that the kernel marked with an error fails (unless tagged
//      `raises-exception`), and every output is compared with the saved one after the
//      same `OutputNormalizer`.
//
// The kernel gets the environment the runner's bash gets (`STAGE_BINARIES`, so that the
// first cell does not build: `swift test` holds the build lock), and a `TMPDIR` inside
// the scratch folder. The kernel and its bash run in sessions of their own, out of reach
// of a process-group signal; so after the run, whatever is still alive with that
// folder in its command line (a stage a failed cell left running, whose flags name its
// `mktemp -d` folder) is stopped, SIGTERM first so that it stops its containers.
//
// Record mode stays with `NotebookRunner`: saved outputs come from one runner only.

import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Executes a notebook with nbclient and the bash kernel, and checks it; called by notebook tests.
struct JupyterNotebookRunner: Sendable {
    /// What to install when Jupyter is missing; shown in the skipped test's reason.
    static let installHint = "pip install nbclient nbformat bash_kernel && python3 -m bash_kernel.install"
    /// How long leftovers get to stop after SIGTERM before they are killed.
    static let leftoverGracePeriod: Duration = .seconds(40)

    /// True when python3 can import nbclient and nbformat and Jupyter knows a `bash` kernel.
    static let isAvailable: Bool = {
        guard let python = Tools.path(of: "python3") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import nbclient, nbformat\n"
            + "from jupyter_client.kernelspec import KernelSpecManager\n"
            + "KernelSpecManager().get_kernel_spec('bash')"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Executes the notebook `argv[1]` into `argv[2]` with the bash kernel in folder
    /// `argv[3]`, each cell within `argv[4]` seconds. Exits 3 if the kernel gave up.
    static let script = """
        import sys
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import CellTimeoutError, DeadKernelError

        source, target, folder, timeout = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
        notebook = nbformat.read(source, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type != "code":
                continue
            # A cell that never runs keeps no count and no output, so the check can tell.
            cell.outputs, cell.execution_count = [], None
            if "\(NotebookRunner.skipTag)" in cell.metadata.get("tags", []):
                cell.source = ""  # nbclient does not send an empty cell to the kernel
        client = NotebookClient(notebook, kernel_name="bash", timeout=timeout, allow_errors=True,
                                resources={"metadata": {"path": folder}})
        status = 0
        try:
            client.execute()
        except (CellTimeoutError, DeadKernelError) as error:
            print(f"the kernel gave up: {type(error).__name__}: {error}", file=sys.stderr)
            status = 3
        nbformat.write(notebook, target)
        sys.exit(status)
        """

    /// Handed to the notebook as `STAGE_BINARIES`, as `NotebookRunner` does.
    var binariesDirectory = Binaries.directory
    /// The deadline for each cell (nbclient's `timeout`).
    var cellTimeout = NotebookRunner.defaultCellTimeout
    /// The deadline for the whole run, kernel start included.
    var notebookTimeout = NotebookRunner.defaultNotebookTimeout

    /// Runs every code cell of `notebook` in a Jupyter bash kernel and compares the outputs.
    func run(notebook url: URL) async throws -> NotebookReport {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jupyter-\(UUID().uuidString)")
        let temporary = scratch.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let script = scratch.appendingPathComponent("execute.py")
        try Data(Self.script.utf8).write(to: script)
        let executed = scratch.appendingPathComponent(url.lastPathComponent)

        var environment = NotebookRunner(binariesDirectory: binariesDirectory).shellEnvironment
        environment["TMPDIR"] = temporary.path
        let folder = url.deletingLastPathComponent()
        let seconds = Int(cellTimeout.components.seconds)
        let python = try StageProcess(
            executable: URL(fileURLWithPath: Tools.path(of: "python3") ?? "/usr/bin/python3"),
            arguments: [script.path, url.path, executed.path, folder.path, String(seconds)],
            environment: environment, workingDirectory: folder, name: "nbclient")
        let status: Int32?
        do {
            status = try await python.waitForExit(timeout: notebookTimeout)
        } catch {
            status = nil
        }
        await python.cleanup()
        await Self.stopLeftovers(under: temporary)

        let saved = try Notebook(contentsOf: url)
        guard status == 0 || status == 3, FileManager.default.fileExists(atPath: executed.path) else {
            let how = status.map { "exited with status \($0)" } ?? "did not finish within \(notebookTimeout)"
            let failure = NotebookReport.Failure(
                cellNumber: 0, kind: .cellFailed,
                description: "nbclient \(how), writing no executed notebook. Its output:\n"
                    + NotebookRunner.indented(python.outputTail))
            return NotebookReport(notebook: url, wasRecorded: false, cells: [], failures: [failure])
        }
        return Self.check(try Notebook(contentsOf: executed), against: saved, notebook: url,
                          kernelGaveUp: status == 3 ? python.outputTail : nil)
    }

    /// Compares an executed copy with the saved notebook: errors, outputs, and cells never reached.
    static func check(_ executed: Notebook, against saved: Notebook, notebook url: URL, kernelGaveUp: String?) -> NotebookReport {
        var results: [NotebookReport.CellResult] = []
        var failures: [NotebookReport.Failure] = []
        for cell in executed.cells where cell.isCode {
            let number = cell.index + 1
            if cell.tags.contains(NotebookRunner.skipTag) {
                results.append(.init(cellNumber: number, source: cell.source, output: nil, exitStatus: nil))
                continue
            }
            guard cell.executionCount != nil else {
                // nbclient stops at a cell that overran (or a kernel that died); the rest never ran.
                let why = kernelGaveUp.map { "the kernel gave up before it ran:\n" + NotebookRunner.indented($0) }
                    ?? "the kernel never ran it"
                failures.append(.init(cellNumber: number, kind: .timedOut, description: "Cell \(number): \(why)"))
                break
            }
            // The bash kernel's error says only the exit status, as its `evalue`.
            let status = cell.errors.first.map { Int32($0) ?? 1 } ?? 0
            results.append(.init(cellNumber: number, source: cell.source, output: cell.savedOutput, exitStatus: status))
        }
        failures += NotebookRunner.failedCells(results, of: saved.cells)
        failures += NotebookRunner.compare(results, with: saved.cells)
        return NotebookReport(notebook: url, wasRecorded: false, cells: results,
                              failures: failures.sorted { $0.cellNumber < $1.cellNumber })
    }

    /// Stops every process whose command line names `folder`: SIGTERM, then SIGKILL.
    static func stopLeftovers(under folder: URL) async {
        let marker = folder.path
        guard let leftovers = try? await ProcessTable.processes(commandLineContaining: marker), !leftovers.isEmpty else { return }
        for process in leftovers { kill(process.pid, SIGTERM) }
        do {
            try await eventually("processes under \(marker) to stop", timeout: leftoverGracePeriod) {
                try await ProcessTable.processes(commandLineContaining: marker).isEmpty
            }
        } catch {
            for process in (try? await ProcessTable.processes(commandLineContaining: marker)) ?? [] {
                kill(process.pid, SIGKILL)
            }
        }
    }
}
