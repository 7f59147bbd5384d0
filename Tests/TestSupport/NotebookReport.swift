// Stage 1 · Test harness: what running a notebook found.
//
// `NotebookRunner.run` returns a report instead of recording test failures itself, so
// the harness's own tests can run a deliberately broken notebook and inspect the
// failure. A notebook test hands the report to Swift Testing with `recordIssues()`,
// one issue per failing cell, each readable on its own: which cell, the first lines of
// its source, and a diff of saved against actual output.

import Foundation
import Testing

/// The outcome of running one notebook; returned by `NotebookRunner.run`.
struct NotebookReport: Sendable, CustomStringConvertible {
    /// What happened to one code cell.
    struct CellResult: Sendable {
        /// The cell's 1-based position among all the notebook's cells (as Jupyter shows it).
        let cellNumber: Int
        let source: String
        /// Its output as produced (not normalised); nil when skipped.
        let output: String?
        /// `$?` after the cell; nil when skipped.
        let exitStatus: Int32?

        /// True for cells tagged `skip-in-tests`.
        var wasSkipped: Bool { output == nil }
    }

    /// One way a notebook can fail.
    struct Failure: Sendable, CustomStringConvertible {
        enum Kind: Sendable, Equatable {
            /// The cell's normalised output differs from its saved output.
            case outputMismatch
            /// The cell did not finish within its deadline.
            case timedOut
            /// bash exited during the cell.
            case shellExited
            /// The cell's last command failed (Jupyter shows an error), or the kernel could not run it.
            case cellFailed
        }

        /// The 1-based position of the failing cell.
        let cellNumber: Int
        /// The kind of failure, for tests that check it.
        let kind: Kind
        /// The full readable explanation, including source excerpt and diff or output.
        let description: String
    }

    let notebook: URL
    /// True when outputs were written back instead of compared.
    let wasRecorded: Bool
    /// Every code cell in order, up to the first cell that timed out or killed bash.
    let cells: [CellResult]
    /// Every failure; empty when the notebook passes.
    let failures: [Failure]

    var isPassing: Bool { failures.isEmpty }

    /// A summary line followed by every failure.
    var description: String {
        let ran = cells.filter { !$0.wasSkipped }.count
        let verb = wasRecorded ? "recorded" : "checked"
        let summary = "\(notebook.lastPathComponent): \(ran) cells \(verb), \(cells.count - ran) skipped, \(failures.count) failing"
        return ([summary] + failures.map(\.description)).joined(separator: "\n\n")
    }

    /// Records one Swift Testing issue per failure; called by each stage's notebook test.
    func recordIssues(sourceLocation: SourceLocation = #_sourceLocation) {
        for failure in failures {
            Issue.record("\(notebook.lastPathComponent): \(failure)", sourceLocation: sourceLocation)
        }
    }
}
