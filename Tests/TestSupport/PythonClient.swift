// Stage 2 · Test harness: the official Python `kubernetes` client, a second real client of a running cluster.
//
// Stage 2's and stage 3's end-to-end suites run Python scripts against `stageN up` with
// it; each suite keeps its own scripts, in an extension of `PythonClient`.

import Foundation
import Testing

/// Whether `python3` can import the `kubernetes` package (`pip install kubernetes`).
enum PythonClient {
    static let isAvailable: Bool = {
        guard let python = Tools.path(of: "python3") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import kubernetes"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Runs `script` against `cluster`; returns python's exit status and output lines.
    static func run(_ script: String, on cluster: RunningCluster, named name: String) async throws -> (status: Int32, lines: [String], output: String) {
        let file = cluster.directory.appendingPathComponent(name)
        try script.write(to: file, atomically: true, encoding: .utf8)
        let python = try StageProcess(
            executable: URL(fileURLWithPath: try #require(Tools.path(of: "python3"))),
            arguments: [file.path, cluster.directory.appendingPathComponent("kubeconfig").path, cluster.marker],
            name: "python3")
        let status = try await python.waitForExit(timeout: .seconds(120))
        return (status, python.lines, python.output)
    }
}
