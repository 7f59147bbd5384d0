// Stage 4 · Notebook test: `Notebooks/04-scheduler.ipynb` runs top to bottom as saved.
//
// The stage 4 notebook shows the scheduler from the outside: a cluster of three nodes,
// pods spread over them, a pod that fits nowhere until a fourth node joins, nodeSelector,
// taints and cordons with Kubernetes' messages, preemption, a binding by hand and its 409,
// and a second scheduler waiting for the leader lease. These tests execute every cell
// from the notebook's own folder, as Jupyter does, and fail, cell by cell with a diff,
// when an output no longer matches what is saved: once in one bash session, once in a
// real Jupyter bash kernel where one is installed. After changing an output on purpose,
// re-record and review the git diff:
//
//     NOTEBOOK_RECORD=1 swift test --skip-build --filter stage4NotebookRunsAsSaved

@testable import TestSupport
import Foundation
import Testing

/// The notebook starts `stage4`, so it is end to end: `--skip EndToEnd` skips it.
@Suite(.serialized, .tags(.endToEnd)) struct Stage4NotebookEndToEndTests {
    /// The API server's port, then the kubelets' of node1 … node3 (`up`) and node4 (`stage4 kubelet`).
    static let notebook = StageNotebook(path: "Notebooks/04-scheduler.ipynb", ports: [18094, 10270, 10271, 10272, 10273])
    static let peers = Tools.isInstalled("curl") && Tools.isInstalled("kubectl")
    static let peersMissing: Comment = "the notebook needs curl and kubectl"

    /// Every file, function and type its "In the code" lines name is in the code.
    @Test func stage4NotebookNamesCodeThatExists() throws {
        let problems = NotebookCodeReferences.problems(in: try Notebook(contentsOf: Self.notebook.url), root: Binaries.packageRoot)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The stage 4 notebook, run from `Notebooks/` in one bash session.
    @Test(.enabled(if: peers, peersMissing))
    func stage4NotebookRunsAsSaved() async throws {
        try await Self.notebook.runInBash().recordIssues()
    }

    /// The stage 4 notebook, run from `Notebooks/` by Jupyter's own machinery.
    @Test(.enabled(if: peers, peersMissing),
          .enabled(if: JupyterNotebookRunner.isAvailable,
                   "Jupyter is not installed, so the notebook was not run in a Jupyter kernel (\(JupyterNotebookRunner.installHint))"))
    func stage4NotebookRunsInJupyter() async throws {
        try await Self.notebook.runInJupyter().recordIssues()
    }
}
