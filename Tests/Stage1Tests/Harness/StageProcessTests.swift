// Stage 1 · Test harness: tests of `StageProcess` against small /bin/sh scripts.

@testable import TestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct StageProcessTests {
    /// Starts `/bin/sh -c script`.
    private func shell(_ script: String, environment: [String: String] = [:], directory: URL? = nil) throws -> StageProcess {
        try StageProcess(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", script],
                         environment: environment, workingDirectory: directory, name: "sh")
    }

    @Test func waitForLineReturnsTheMatchingLine() async throws {
        let process = try shell("echo starting; echo 'server listening on port 8080' >&2; exec sleep 30")
        defer { process.cleanupWithoutWaiting() }
        let line = try await process.waitForLine(containing: "listening")
        #expect(line == "server listening on port 8080")
        await process.cleanup()
    }

    @Test func waitForLineTimeoutShowsTheLastLinesOfOutput() async throws {
        let process = try shell("echo first clue; echo second clue; exec sleep 30")
        defer { process.cleanupWithoutWaiting() }
        _ = try await process.waitForLine(containing: "second")
        let error = await #expect(throws: HarnessError.self) {
            try await process.waitForLine(containing: "never printed", timeout: .milliseconds(200))
        }
        let message = error?.description ?? ""
        #expect(message.contains("never printed"))
        #expect(message.contains("first clue") && message.contains("second clue"))
        await process.cleanup()
    }

    @Test func waitForLineFailsEarlyWhenTheProcessExits() async throws {
        let process = try shell("echo giving up; exit 3")
        let error = await #expect(throws: HarnessError.self) {
            try await process.waitForLine(containing: "listening", timeout: .seconds(30))
        }
        #expect(error?.description.contains("exited with status 3") == true)
        #expect(error?.description.contains("giving up") == true)
    }

    @Test func interruptEndsAProcessThatHandlesSigint() async throws {
        let process = try shell("trap 'echo caught interrupt; exit 7' INT; echo ready; while :; do sleep 0.05; done")
        defer { process.cleanupWithoutWaiting() }
        try await process.waitForLine(containing: "ready")
        process.interrupt()
        #expect(try await process.waitForExit() == 7)
        try await process.waitForLine(containing: "caught interrupt")
    }

    @Test func shutdownLetsTheProcessStopOnSigterm() async throws {
        let process = try shell("trap 'echo stopping cleanly; exit 0' TERM; echo ready; while :; do sleep 0.05; done")
        try await process.waitForLine(containing: "ready")
        await process.shutdown()
        #expect(process.exitStatus == 0)
        #expect(process.lines.contains("stopping cleanly"))
    }

    @Test func exitStatusReportsASignalAsShellsDo() async throws {
        let process = try shell("echo ready; exec sleep 30")
        try await process.waitForLine(containing: "ready")
        process.kill()
        #expect(try await process.waitForExit() == 128 + SIGKILL)
    }

    @Test func childGetsEnvironmentAdditionsAndWorkingDirectory() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let process = try shell("echo \"greeting=$GREETING\"; pwd -P", environment: ["GREETING": "hello"], directory: directory.url)
        #expect(try await process.waitForExit() == 0)
        try await eventually { process.outputIsFinished }
        let expectedDirectory = directory.url.resolvingSymlinksInPath().path
        #expect(process.lines == ["greeting=hello", expectedDirectory])
    }

    @Test func writeFeedsTheChildsStandardInput() async throws {
        let process = try StageProcess(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "read line; echo \"got $line\""],
                                       standardInput: .pipe)
        try process.write("hello\n")
        try await process.waitForLine(containing: "got hello")
        #expect(try await process.waitForExit() == 0)
    }

    @Test func cleanupKillsBackgroundJobsOfTheProcessGroup() async throws {
        // The marker travels in the environment, so only the background job's argv holds it.
        let marker = "harness-cleanup-\(UUID().uuidString)"
        let process = try shell(#"sh -c 'while :; do sleep 1; done' "$MARKER" & echo started; wait"#, environment: ["MARKER": marker])
        try await process.waitForLine(containing: "started")
        let job = try await waitUntil("the background job to appear") {
            try await ProcessTable.processes(commandLineContaining: marker).first
        }
        #expect(job.pid != process.pid)
        await process.cleanup()
        try await eventually("the background job to be gone") {
            let leftovers = try await ProcessTable.processes(commandLineContaining: marker)
            return leftovers.isEmpty && !ProcessTable.isAlive(job.pid)
        }
    }
}
