// The process runtime runs containers as the pod spec describes them, and records how they end.

import Foundation
import Testing
@testable import ProcessRuntime
import CRI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Test func containerOutputLandsInItsLogFile() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["/bin/sh", "-c", "echo to-stdout; echo to-stderr >&2"])
        let status = try await exitedStatus(runtime, id)
        let log = try criLogText(status.logPath)
        #expect(log.contains("to-stdout\n"))
        #expect(log.contains("to-stderr\n"))
        #expect(status.logPath.hasSuffix("/main/0.log"))
        #expect(status.reason == "Completed")
    }
}

@Test func containerLogGoesUnderTheSandboxLogDirectory() async throws {
    try await withRuntime { runtime, _ in
        let logDirectory = try makeTemporaryDirectory("logs")
        defer { try? FileManager.default.removeItem(atPath: logDirectory) }
        let sandboxConfig = podSandbox(logDirectory: logDirectory)
        let sandbox = try await runtime.runPodSandbox(sandboxConfig)
        let config = ContainerConfig(metadata: ContainerMetadata(name: "app", attempt: 2), command: ["echo", "hi"])
        let id = try await runtime.createContainer(sandboxID: sandbox, config: config, sandboxConfig: sandboxConfig)
        try await runtime.startContainer(id: id)
        _ = try await exitedStatus(runtime, id)
        #expect(try criLogText(logDirectory + "/app/2.log") == "hi\n")
    }
}

@Test func envArgsAndWorkingDirAreApplied() async throws {
    try await withRuntime { runtime, _ in
        let script = #"echo "greeting=$GREETING arg=$1 host=$HOSTNAME cwd=$(pwd -P)""#
        let id = try await startContainer(runtime, ["sh", "-c"], args: [script, "sh", "world"]) { config in
            config.envs = [KeyValue(key: "GREETING", value: "hello"), KeyValue(key: "HOSTNAME", value: "overridden")]
            config.workingDir = "/app/work"
        }
        let status = try await exitedStatus(runtime, id)
        let log = try criLogText(status.logPath)
        #expect(log.contains("greeting=hello arg=world host=overridden cwd="))
        #expect(log.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("/rootfs/app/work"))
    }
}

@Test func containerEnvironmentHoldsOnlyPathHostnameAndItsOwnVariables() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["env"]) { config in
            config.envs = [KeyValue(key: "ONLY_MINE", value: "1")]
        }
        let status = try await exitedStatus(runtime, id)
        let names = try criLogText(status.logPath)
            .split(separator: "\n").map { String($0.prefix { $0 != "=" }) }
        #expect(Set(names) == ["PATH", "HOSTNAME", "ONLY_MINE"])
    }
}

@Test func hostnameDefaultsToThePodName() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sh", "-c", "echo $HOSTNAME"])
        let status = try await exitedStatus(runtime, id)
        #expect(try criLogText(status.logPath) == "web\n")
    }
}

@Test func mountsAppearAsSymlinksInsideTheContainerDirectory() async throws {
    try await withRuntime { runtime, root in
        let volume = try makeTemporaryDirectory("volume")
        defer { try? FileManager.default.removeItem(atPath: volume) }
        try "from the host\n".write(toFile: volume + "/file.txt", atomically: true, encoding: .utf8)
        let id = try await startContainer(runtime, ["cat", "srv/data/file.txt"]) { config in
            config.mounts = [Mount(containerPath: "/srv/data", hostPath: volume)]
        }
        let status = try await exitedStatus(runtime, id)
        #expect(status.exitCode == 0)
        #expect(try criLogText(status.logPath) == "from the host\n")
        let link = root + "/containers/\(id)/rootfs/srv/data"
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == volume)
    }
}

@Test func exitCodeThreeIsRecordedWithReasonError() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sh", "-c", "exit 3"])
        let status = try await exitedStatus(runtime, id)
        #expect(status.exitCode == 3)
        #expect(status.signal == nil)
        #expect(status.reason == "Error")
        #expect(status.finishedAt != nil)
        #expect(status.startedAt != nil)
    }
}

@Test func processKilledBySigkillIsReportedAsExitCode137AndSignal9() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sleep", "100"])
        let pid = try #require(try await runtime.containerStatus(id: id).pid)
        kill(pid, SIGKILL)
        let status = try await exitedStatus(runtime, id)
        #expect(status.exitCode == 137)
        #expect(status.signal == 9)
        #expect(status.reason == "Error")
    }
}

@Test func containerWithoutCommandIsRefusedWithAClearMessage() async throws {
    try await withRuntime { runtime, _ in
        let sandboxConfig = podSandbox()
        let sandbox = try await runtime.runPodSandbox(sandboxConfig)
        let config = ContainerConfig(metadata: ContainerMetadata(name: "main"), image: "nginx")
        await #expect(throws: RuntimeError.invalidArgument("the process runtime has no image to take an entrypoint from; give the container a command")) {
            try await runtime.createContainer(sandboxID: sandbox, config: config, sandboxConfig: sandboxConfig)
        }
    }
}

@Test func commandNotInPathFailsToStartInRuncsWordsAndIsRecordedAsStartError() async throws {
    try await withRuntime { runtime, _ in
        let sandboxConfig = podSandbox()
        let sandbox = try await runtime.runPodSandbox(sandboxConfig)
        let config = ContainerConfig(metadata: ContainerMetadata(name: "main"), command: ["no-such-command-k8s-swift"])
        let id = try await runtime.createContainer(sandboxID: sandbox, config: config, sandboxConfig: sandboxConfig)
        await #expect(throws: RuntimeError.failedToStart("exec: \"no-such-command-k8s-swift\": executable file not found in $PATH")) {
            try await runtime.startContainer(id: id)
        }
        let status = try await runtime.containerStatus(id: id)
        #expect(status.state == .exited)
        #expect(status.exitCode == 128)
        #expect(status.reason == "StartError")
    }
}

@Test func workingDirWithDotDotIsRefused() async throws {
    try await withRuntime { runtime, _ in
        let sandboxConfig = podSandbox()
        let sandbox = try await runtime.runPodSandbox(sandboxConfig)
        let config = ContainerConfig(metadata: ContainerMetadata(name: "main"), command: ["true"], workingDir: "/app/../../etc")
        await #expect(throws: RuntimeError.self) {
            try await runtime.createContainer(sandboxID: sandbox, config: config, sandboxConfig: sandboxConfig)
        }
    }
}

@Test func removeContainerDeletesItsDirectoryButKeepsItsLog() async throws {
    try await withRuntime { runtime, root in
        let id = try await startContainer(runtime, ["echo", "keep me"])
        let status = try await exitedStatus(runtime, id)
        try await runtime.removeContainer(id: id)
        #expect(!FileManager.default.fileExists(atPath: root + "/containers/\(id)"))
        #expect(try criLogText(status.logPath) == "keep me\n")
        await #expect(throws: RuntimeError.self) { try await runtime.containerStatus(id: id) }
        try await runtime.removeContainer(id: id)   // idempotent, as CRI requires
    }
}

@Test func startingAContainerTwiceIsAFailedPrecondition() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sleep", "100"])
        await #expect(throws: RuntimeError.failedPrecondition("container \"\(id)\" is running, not created")) {
            try await runtime.startContainer(id: id)
        }
    }
}
