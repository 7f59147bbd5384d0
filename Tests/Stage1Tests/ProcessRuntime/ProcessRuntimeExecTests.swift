// execSync runs a command in a container's environment, as the kubelet's exec probes need.

import Foundation
import Testing
@testable import ProcessRuntime
import CRI

@Test func execSyncReturnsOutputAndExitCode() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sleep", "100"]) { config in
            config.envs = [KeyValue(key: "GREETING", value: "hello")]
            config.workingDir = "/probe"
        }
        let result = try await runtime.execSync(
            containerID: id, command: ["sh", "-c", "echo $GREETING; pwd -P; echo oops >&2; exit 4"], timeout: .seconds(60))
        #expect(result.exitCode == 4)
        #expect(result.output.hasPrefix("hello\n"))
        #expect(result.output.contains("/rootfs/probe\n"))
        #expect(result.output.hasSuffix("oops\n"))
    }
}

@Test func execSyncTimesOutAndKillsTheCommand() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sleep", "100"])
        let started = ContinuousClock.now
        let error = await #expect(throws: RuntimeError.self) {
            try await runtime.execSync(containerID: id, command: ["sleep", "100"], timeout: .milliseconds(200))
        }
        #expect(error == .deadlineExceeded("command [\"sleep\", \"100\"] timed out after 200ms"))
        // Far less than the command's 100 s, with room for a loaded machine's delays.
        #expect(ContinuousClock.now - started < .seconds(60))
    }
}

@Test func execSyncKeepsAtMostTheOutputLimit() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sleep", "100"])
        let result = try await runtime.execSync(
            containerID: id, command: ["sh", "-c", "i=0; while [ $i -lt 3000 ]; do echo 0123456789; i=$((i+1)); done"],
            timeout: .seconds(60))
        #expect(result.exitCode == 0)
        #expect(result.output.utf8.count == ProcessRuntime.Limits.execOutputLimit)
    }
}

@Test func execSyncInAnExitedContainerIsAFailedPrecondition() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["true"])
        _ = try await exitedStatus(runtime, id)
        await #expect(throws: RuntimeError.failedPrecondition("container \"\(id)\" is not running")) {
            try await runtime.execSync(containerID: id, command: ["true"], timeout: .seconds(60))
        }
    }
}

@Test func execSyncOfAMissingCommandFailsToStart() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sleep", "100"])
        await #expect(throws: RuntimeError.failedToStart("exec: \"no-such-probe-k8s-swift\": executable file not found in $PATH")) {
            try await runtime.execSync(containerID: id, command: ["no-such-probe-k8s-swift"], timeout: .seconds(60))
        }
    }
}
