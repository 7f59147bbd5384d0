// Stage 1 · Test harness: tests of `ProcessTable`.

@testable import TestSupport
import Foundation
import Testing

@Suite struct ProcessTableTests {
    @Test func findsAProcessByItsMarkerAndNotAfterItIsKilled() async throws {
        let marker = "harness-table-\(UUID().uuidString)"
        let process = try StageProcess(executable: URL(fileURLWithPath: "/bin/sh"),
                                       arguments: ["-c", "while :; do sleep 1; done", marker])
        defer { process.cleanupWithoutWaiting() }
        let found = try await waitUntil("the marked sleep to be listed") {
            try await ProcessTable.processes(commandLineContaining: marker).first
        }
        #expect(found.pid == process.pid)
        #expect(found.commandLine.contains("while :; do sleep 1; done \(marker)"))
        #expect(ProcessTable.isAlive(process.pid))

        process.kill()
        _ = try await process.waitForExit()
        #expect(!ProcessTable.isAlive(process.pid))
        // Awaited, not asserted at once: a child the shell has forked but not yet exec'd
        // still carries the shell's argv (and so the marker) for a moment.
        try await eventually("no process with the marker") {
            try await ProcessTable.processes(commandLineContaining: marker).isEmpty
        }
        await process.cleanup()
    }

    @Test func findsNothingForAnUnusedMarker() async throws {
        #expect(try await ProcessTable.processes(commandLineContaining: "no-such-marker-\(UUID().uuidString)").isEmpty)
    }
}
