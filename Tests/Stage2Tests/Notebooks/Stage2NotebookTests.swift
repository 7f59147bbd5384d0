// Stage 2 · Notebook test: `Notebooks/02-apiserver.ipynb` runs top to bottom as saved.
//
// The stage 2 notebook walks a learner through the API server with `curl` and the real
// `kubectl`: discovery, the node the kubelet registered, a pod created over HTTP and run
// by the kubelet, Status errors, durability across a SIGKILL. This test executes every
// cell in one bash session (see `NotebookRunner`) and fails, cell by cell with a diff,
// when an output no longer matches what is saved. After changing an output on purpose,
// re-record and review the git diff:
//
//     NOTEBOOK_RECORD=1 swift test --filter stage2NotebookRunsAsSaved

@testable import TestSupport
import Foundation
import Testing

/// The notebook starts `stage2 up`, so it is end to end: `swift test --skip EndToEnd` skips it.
@Suite(.tags(.endToEnd))
struct Stage2NotebookEndToEndTests {
    /// The stage 2 notebook, run as a learner would after `swift build`.
    @Test(.enabled(if: Tools.isInstalled("curl") && Tools.isInstalled("kubectl"), "the notebook needs curl and kubectl"))
    func stage2NotebookRunsAsSaved() async throws {
        let url = Binaries.packageRoot.appendingPathComponent("Notebooks/02-apiserver.ipynb")
        let report = try await NotebookRunner().run(notebook: url)
        report.recordIssues()
    }
}
