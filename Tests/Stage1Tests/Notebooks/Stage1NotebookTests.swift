// Stage 1 · Notebook test: `Notebooks/01-kubelet.ipynb` runs top to bottom as saved.
//
// The stage 1 notebook walks a learner through the kubelet with bash, `curl` and `ps`,
// and keeps its outputs so that it reads well unrun. This test executes every cell in
// one bash session (see `NotebookRunner`) and fails, cell by cell with a diff, when an
// output no longer matches what is saved: the notebook cannot drift away from the code.
// After changing the kubelet's output on purpose, re-record and review the git diff:
//
//     NOTEBOOK_RECORD=1 swift test --filter stage1NotebookRunsAsSaved

@testable import TestSupport
import Foundation
import Testing

/// The notebook starts `stage1`, so it is end to end: `swift test --skip EndToEnd` skips it.
@Suite(.tags(.endToEnd))
struct Stage1NotebookEndToEndTests {
    /// The stage 1 notebook, run as a learner would after `swift build`.
    @Test(.enabled(if: Tools.isInstalled("curl"), "the notebook calls curl, which is not installed"))
    func stage1NotebookRunsAsSaved() async throws {
        let url = Binaries.packageRoot.appendingPathComponent("Notebooks/01-kubelet.ipynb")
        let report = try await NotebookRunner().run(notebook: url)
        report.recordIssues()
    }
}
