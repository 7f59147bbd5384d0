// Stage 1 · Test harness: a stage's notebook as its tests run it, on a shared machine.
//
// A notebook's cells use fixed ports (10256 for stage 1's kubelet; 18090 and 10258 for
// stage 2), because a learner reads them in the saved outputs and types them again.
// Fixed ports are shared by everything on the machine: another checkout's `swift test`,
// or this suite's Jupyter run of the same notebook. So before each run this waits until
// nothing answers on any of the notebook's ports, and when a run fails because a port
// was taken in the meantime (a cell's output says "Address already in use"), it waits
// again and runs the notebook once more. The notebook's ports are never changed.
//
//     let notebook = StageNotebook(path: "Notebooks/01-kubelet.ipynb", ports: [10256])
//     try await notebook.runInBash().recordIssues()
//     try await notebook.runInJupyter().recordIssues()

import Foundation
import Testing

/// One stage's notebook and the ports it needs; made by each stage's notebook tests.
struct StageNotebook: Sendable {
    /// How many times a run that lost its port to another process is tried in all.
    static let attempts = 3
    /// How long to wait for a busy port: longer than another run of a whole notebook.
    static let portTimeout: Duration = .seconds(600)
    /// How often a busy port is tried again.
    static let portPollInterval: Duration = .milliseconds(500)

    /// The notebook's path from the package root, e.g. `Notebooks/01-kubelet.ipynb`.
    let path: String
    /// The fixed loopback ports its cells listen on.
    let ports: [Int]

    var url: URL { Binaries.packageRoot.appendingPathComponent(path) }

    /// Runs (or, with `NOTEBOOK_RECORD=1`, records) the notebook in the runner's own bash.
    func runInBash() async throws -> NotebookReport {
        try await runWhenPortsAreFree { try await NotebookRunner().run(notebook: url) }
    }

    /// Runs the notebook in a real Jupyter bash kernel; needs `JupyterNotebookRunner.isAvailable`.
    func runInJupyter() async throws -> NotebookReport {
        try await runWhenPortsAreFree { try await JupyterNotebookRunner().run(notebook: url) }
    }

    /// Runs `body` once the ports are free, again if a port was taken during the run.
    private func runWhenPortsAreFree(_ body: () async throws -> NotebookReport) async throws -> NotebookReport {
        var attempt = 1
        while true {
            try await waitUntilPortsAreFree()
            let report = try await body()
            guard !report.isPassing, attempt < Self.attempts, Self.lostAPort(report) else { return report }
            attempt += 1
        }
    }

    /// Waits until nothing accepts a connection on any of `ports`.
    private func waitUntilPortsAreFree() async throws {
        let busy = { ports.filter(Self.isAnswering) }
        do {
            try await waitUntil("ports \(ports) to be free", timeout: Self.portTimeout, pollInterval: Self.portPollInterval) {
                busy().isEmpty ? () : nil
            }
        } catch is WaitTimeout {
            throw HarnessError("\(path) needs ports \(ports), but \(busy()) stayed busy for \(Self.portTimeout): "
                + "another run of this notebook, or a stage started by hand, holds them")
        }
    }

    /// True when something listens on `127.0.0.1:port`.
    private static func isAnswering(_ port: Int) -> Bool {
        guard let socket = try? LoopbackSocket.connect(port: port) else { return false }
        socket.close()
        return true
    }

    /// True when a cell's output shows a stage that could not listen on its port.
    private static func lostAPort(_ report: NotebookReport) -> Bool {
        report.cells.contains { $0.output?.localizedCaseInsensitiveContains("address already in use") == true }
    }
}
