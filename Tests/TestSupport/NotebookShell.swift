// Stage 1 · Test harness: one bash process that runs a notebook's cells in order.
//
// A Jupyter bash kernel is one long-lived bash: a `cd`, a variable or a background job
// from one cell is still there in the next. The runner gets the same by starting one
// `bash` (in its own process group, stdout and stderr merged) and, for each cell:
//
//   1. writing the cell's source to `<scratch>/cell-N.sh`;
//   2. sending bash the line
//        source '<scratch>/cell-N.sh' </dev/null; printf '%s %s\n' '<marker>' "$?"
//      — `source` runs it in bash's own context (so state persists), `</dev/null` keeps a
//      command that reads stdin from swallowing the next command, and the printf reports
//      the end of the cell with its exit status after a marker no cell can print;
//   3. waiting (with a deadline) for the marker in the output; the cell's output is
//      every byte between the previous marker line and this marker.
//
// bash names the sourced file in its error messages; the runner rewrites that path to
// `bash`, so `bash: line 2: nosuch: command not found` reads as a learner's terminal
// shows it and does not depend on the temporary directory. At the end, `close()` stops
// bash's whole process group (SIGTERM, then SIGKILL), taking the cells' background jobs
// with it.

import Foundation
import Testing

/// A bash session executing notebook cells one by one; owned by `NotebookRunner.run`.
struct NotebookShell {
    /// How one cell ended, when it did not end normally.
    enum Failure: Error {
        /// The deadline passed; carries the output so far.
        case timedOut(output: String)
        /// bash itself exited (a cell ran `exit`, or bash was killed); carries the output so far.
        case shellExited(status: Int32?, output: String)
    }

    /// What one cell printed and its exit status (`$?` after the cell).
    struct Execution: Sendable {
        /// stdout and stderr of the cell, merged, with the scaffolding path rewritten.
        let output: String
        /// The exit status of the cell's last command.
        let exitStatus: Int32
    }

    let bash: StageProcess
    /// Where cell files are written; removed by the runner.
    let scratchDirectory: URL
    /// Ends each cell's output; random per session so no cell can print it by accident.
    private let marker = "__notebook_cell_done_\(UUID().uuidString)__"
    /// Where the next cell's output starts in bash's output bytes.
    private var outputOffset = 0

    /// Starts bash in `workingDirectory` with `environment` added to this process's.
    init(workingDirectory: URL, environment: [String: String], scratchDirectory: URL) throws {
        let bashPath = Tools.path(of: "bash") ?? "/bin/bash"
        bash = try StageProcess(
            executable: URL(fileURLWithPath: bashPath), arguments: ["--noprofile", "--norc"],
            environment: environment, workingDirectory: workingDirectory,
            standardInput: .pipe, name: "notebook bash"
        )
        self.scratchDirectory = scratchDirectory
    }

    /// Runs one cell's `source` and returns its output once its marker arrives.
    mutating func run(_ source: String, cellNumber: Int, timeout: Duration) async throws -> Execution {
        let file = scratchDirectory.appendingPathComponent("cell-\(cellNumber).sh")
        try Data(source.utf8).write(to: file)
        let command = "source '\(file.path)' </dev/null; printf '%s %s\\n' '\(marker)' \"$?\"\n"
        let start = outputOffset
        let markerBytes = Array((marker + " ").utf8)
        do {
            try bash.write(command)
        } catch {
            throw Failure.shellExited(status: bash.exitStatus, output: outputText(from: start, to: nil))
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            let bytes = bash.outputBytes(from: start)
            if let found = bytes.firstRange(of: markerBytes),
               let newline = bytes[found.upperBound...].firstIndex(of: UInt8(ascii: "\n")) {
                let status = Int32(String(decoding: bytes[found.upperBound..<newline], as: UTF8.self)) ?? -1
                outputOffset = newline + 1
                return Execution(output: outputText(from: start, to: found.lowerBound), exitStatus: status)
            }
            if bash.outputIsFinished || !bash.isRunning {
                // Give the reader a moment to drain what bash printed before it died.
                _ = try? await waitUntil("bash's output to end", timeout: StageProcess.outputDrainTimeout) { bash.outputIsFinished ? () : nil }
                throw Failure.shellExited(status: bash.exitStatus, output: outputText(from: start, to: nil))
            }
            if clock.now >= deadline { throw Failure.timedOut(output: outputText(from: start, to: nil)) }
            try await clock.sleep(for: WaitPolicy.pollInterval)
        }
    }

    /// Ends the session: closes bash's input, asks its process group (bash and every
    /// background job a cell started) to stop, and kills whatever has not after the
    /// grace period — so a `stage1 &` left running can stop its pods first.
    func close() async {
        await bash.shutdown()
    }

    /// The output bytes in `[start, end)` as text, with the cell files' paths shown as `bash`.
    private func outputText(from start: Int, to end: Int?) -> String {
        let bytes = bash.outputBytes(from: start)
        let text = String(decoding: bytes[..<(end ?? bytes.endIndex)], as: UTF8.self)
        // Every "<scratch>/cell-<digits>.sh" becomes "bash".
        let pieces = text.components(separatedBy: scratchDirectory.path + "/cell-")
        return pieces.dropFirst().reduce(pieces[0]) { result, piece in
            let digits = piece.prefix { $0.isASCII && $0.isNumber }
            let rest = piece.dropFirst(digits.count)
            guard !digits.isEmpty, rest.hasPrefix(".sh") else { return result + scratchDirectory.path + "/cell-" + piece }
            return result + "bash" + rest.dropFirst(3)
        }
    }
}
