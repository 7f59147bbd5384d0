// Stage 1 · Notebook test: `Notebooks/01-kubelet.ipynb` runs top to bottom as saved.
//
// The stage 1 notebook walks a learner through the kubelet with bash, `curl` and `ps`,
// and keeps its outputs so that it reads well unrun. These tests execute every cell from
// the notebook's own folder, as Jupyter does, and fail, cell by cell with a diff, when
// an output no longer matches what is saved: the notebook cannot drift away from the
// code. The first runs the cells in one bash session (see `NotebookRunner`); the second
// runs them in a real Jupyter bash kernel (see `JupyterNotebookRunner`), where one is
// installed. Both use port 10256, so they take turns. After changing the kubelet's
// output on purpose, re-record and review the git diff:
//
//     NOTEBOOK_RECORD=1 swift test --filter stage1NotebookRunsAsSaved

@testable import TestSupport
import Foundation
import Testing

/// The notebook starts `stage1`, so it is end to end: `swift test --skip EndToEnd` skips it.
@Suite(.serialized, .tags(.endToEnd)) struct Stage1NotebookEndToEndTests {
    static let notebook = StageNotebook(path: "Notebooks/01-kubelet.ipynb", ports: [10256])

    /// Every file, function and type its "In the code" lines name is in the code.
    @Test func stage1NotebookNamesCodeThatExists() throws {
        let problems = NotebookCodeReferences.problems(in: try Notebook(contentsOf: Self.notebook.url), root: Binaries.packageRoot)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The stage 1 notebook, run from `Notebooks/` in one bash session.
    @Test(.enabled(if: Tools.isInstalled("curl"), "the notebook calls curl, which is not installed"))
    func stage1NotebookRunsAsSaved() async throws {
        try await Self.notebook.runInBash().recordIssues()
    }

    /// The stage 1 notebook, run from `Notebooks/` by Jupyter's own machinery.
    @Test(.enabled(if: Tools.isInstalled("curl"), "the notebook calls curl, which is not installed"),
          .enabled(if: JupyterNotebookRunner.isAvailable,
                   "Jupyter is not installed, so the notebook was not run in a Jupyter kernel (\(JupyterNotebookRunner.installHint))"))
    func stage1NotebookRunsInJupyter() async throws {
        try await Self.notebook.runInJupyter().recordIssues()
    }
}
