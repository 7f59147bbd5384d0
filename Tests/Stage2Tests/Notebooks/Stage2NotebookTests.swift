// Stage 2 · Notebook test: `Notebooks/02-apiserver.ipynb` runs top to bottom as saved.
//
// The stage 2 notebook walks a learner through the API server with `curl` and the real
// `kubectl`: discovery, the node the kubelet registered, a pod created over HTTP and run
// by the kubelet, Status errors, durability across a SIGKILL. These tests execute every
// cell from the notebook's own folder, as Jupyter does, and fail, cell by cell with a
// diff, when an output no longer matches what is saved: once in one bash session (see
// `NotebookRunner`), once in a real Jupyter bash kernel (see `JupyterNotebookRunner`)
// where one is installed. Both use ports 18090 and 10258, so they take turns. After
// changing an output on purpose, re-record and review the git diff:
//
//     NOTEBOOK_RECORD=1 swift test --filter stage2NotebookRunsAsSaved

@testable import TestSupport
import Foundation
import Testing

/// The notebook starts `stage2`, so it is end to end: `swift test --skip EndToEnd` skips it.
@Suite(.serialized, .tags(.endToEnd)) struct Stage2NotebookEndToEndTests {
    static let notebook = StageNotebook(path: "Notebooks/02-apiserver.ipynb", ports: [18090, 10258])

    /// Every file, function and type its "In the code" lines name is in the code.
    @Test func stage2NotebookNamesCodeThatExists() throws {
        let problems = NotebookCodeReferences.problems(in: try Notebook(contentsOf: Self.notebook.url), root: Binaries.packageRoot)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The stage 2 notebook, run from `Notebooks/` in one bash session.
    @Test(.enabled(if: Tools.isInstalled("curl") && Tools.isInstalled("kubectl"), "the notebook needs curl and kubectl"))
    func stage2NotebookRunsAsSaved() async throws {
        try await Self.notebook.runInBash().recordIssues()
    }

    /// The stage 2 notebook, run from `Notebooks/` by Jupyter's own machinery.
    @Test(.enabled(if: Tools.isInstalled("curl") && Tools.isInstalled("kubectl"), "the notebook needs curl and kubectl"),
          .enabled(if: JupyterNotebookRunner.isAvailable,
                   "Jupyter is not installed, so the notebook was not run in a Jupyter kernel (\(JupyterNotebookRunner.installHint))"))
    func stage2NotebookRunsInJupyter() async throws {
        try await Self.notebook.runInJupyter().recordIssues()
    }
}
