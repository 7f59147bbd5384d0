// Stage 3 · Notebook test: `Notebooks/03-watch.ipynb` runs top to bottom as saved.
//
// The stage 3 notebook shows watches from the outside: a raw watch stream with curl,
// revisions rising, a resumed watch, compaction and its 410, `kubectl get -w`, the
// kubelet reacting at once, and the same cluster over a real etcd. These tests execute
// every cell from the notebook's own folder, as Jupyter does, and fail, cell by cell with
// a diff, when an output no longer matches what is saved: once in one bash session, once
// in a real Jupyter bash kernel where one is installed. After changing an output on
// purpose, re-record and review the git diff:
//
//     NOTEBOOK_RECORD=1 swift test --filter stage3NotebookRunsAsSaved

@testable import TestSupport
import Foundation
import Testing

/// The notebook starts `stage3` (and etcd), so it is end to end: `--skip EndToEnd` skips it.
@Suite(.serialized, .tags(.endToEnd)) struct Stage3NotebookEndToEndTests {
    /// The API server's and the kubelet's ports, then etcd's client and peer ports.
    static let notebook = StageNotebook(path: "Notebooks/03-watch.ipynb", ports: [18093, 10263, 12379, 12380])
    static let peers = Tools.isInstalled("curl") && Tools.isInstalled("kubectl") && Tools.isInstalled("etcd")
    static let peersMissing: Comment = "the notebook needs curl, kubectl and etcd (Debian's etcd-server)"

    /// Every file, function and type its "In the code" lines name is in the code.
    @Test func stage3NotebookNamesCodeThatExists() throws {
        let problems = NotebookCodeReferences.problems(in: try Notebook(contentsOf: Self.notebook.url), root: Binaries.packageRoot)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The stage 3 notebook, run from `Notebooks/` in one bash session.
    @Test(.enabled(if: peers, peersMissing))
    func stage3NotebookRunsAsSaved() async throws {
        try await Self.notebook.runInBash().recordIssues()
    }

    /// The stage 3 notebook, run from `Notebooks/` by Jupyter's own machinery.
    @Test(.enabled(if: peers, peersMissing),
          .enabled(if: JupyterNotebookRunner.isAvailable,
                   "Jupyter is not installed, so the notebook was not run in a Jupyter kernel (\(JupyterNotebookRunner.installHint))"))
    func stage3NotebookRunsInJupyter() async throws {
        try await Self.notebook.runInJupyter().recordIssues()
    }
}
