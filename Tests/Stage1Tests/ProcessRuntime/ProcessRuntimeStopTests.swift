// Stopping follows Kubernetes' graceful termination, and reaches every process of a container.

@testable import TestSupport
import Foundation
import Testing
@testable import ProcessRuntime
import CRI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Test func stopContainerEndsAProgramThatHonoursSigterm() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sleep", "100"])
        try await runtime.stopContainer(id: id, timeout: .seconds(60))
        let status = try await runtime.containerStatus(id: id)
        #expect(status.state == .exited)
        #expect(status.signal == SIGTERM)
        #expect(status.exitCode == 143)
    }
}

@Test func stopContainerEscalatesToSigkillWhenSigtermIsIgnored() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sh", "-c", #"trap "" TERM; echo ready; sleep 100"#])
        #expect(try await waitForLog(runtime, id, containing: "ready").contains("ready"))
        let grace = Duration.milliseconds(300)
        let started = ContinuousClock.now
        try await runtime.stopContainer(id: id, timeout: grace)
        #expect(ContinuousClock.now - started >= grace)
        let status = try await runtime.containerStatus(id: id)
        #expect(status.state == .exited)
        #expect(status.signal == SIGKILL)
        #expect(status.exitCode == 137)
    }
}

@Test func stopContainerKillsTheShellsBackgroundChildToo() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sh", "-c", "sleep 100 & echo child=$!; wait"])
        let log = try await waitForLog(runtime, id, containing: "\n")
        let child = try #require(Int32(log.split(separator: "=").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
        #expect(kill(child, 0) == 0)
        try await runtime.stopContainer(id: id, timeout: .seconds(60))
        try await eventually("the group's other processes to be gone") { isGone(child) }
    }
}

@Test func leftoverGroupMembersAreKilledWhenTheMainProcessExits() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sh", "-c", "sleep 100 & echo child=$!"])
        let log = try await waitForLog(runtime, id, containing: "\n")
        let child = try #require(Int32(log.split(separator: "=").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
        let status = try await exitedStatus(runtime, id)
        #expect(status.exitCode == 0)
        try await eventually("the group's other processes to be gone") { isGone(child) }
    }
}

@Test func stoppingAnExitedContainerDoesNothing() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sh", "-c", "exit 5"])
        let before = try await exitedStatus(runtime, id)
        try await runtime.stopContainer(id: id, timeout: .seconds(1))
        #expect(try await runtime.containerStatus(id: id) == before)
    }
}

@Test func stopAllStopsEveryRunningContainer() async throws {
    try await withRuntime { runtime, _ in
        let first = try await startContainer(runtime, ["sleep", "100"])
        let second = try await startContainer(runtime, ["sleep", "100"])
        await runtime.stopAll(timeout: .seconds(60))
        #expect(try await runtime.containerStatus(id: first).state == .exited)
        #expect(try await runtime.containerStatus(id: second).state == .exited)
    }
}

@Test func cancelledStopSkipsTheGracePeriodButStillKillsTheContainer() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sh", "-c", #"trap "" TERM; echo ready; sleep 100"#])
        _ = try await waitForLog(runtime, id, containing: "ready")
        let stop = Task { try await runtime.stopContainer(id: id, timeout: .seconds(60)) }
        stop.cancel()
        try await stop.value
        let status = try await runtime.containerStatus(id: id)
        #expect(status.state == .exited)
        #expect(status.signal == SIGKILL)
    }
}
