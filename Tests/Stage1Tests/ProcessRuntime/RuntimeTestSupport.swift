// Helpers for the container runtime's tests: a fresh runtime in a unique temporary root,
// waiting for a condition with a deadline, and checks that a process is really gone.

@testable import TestSupport
import Common
import Foundation
import Testing
@testable import ProcessRuntime
import CRI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A unique, new temporary directory; tests run in parallel and must never share paths.
func makeTemporaryDirectory(_ purpose: String = "runtime") throws -> String {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("k8s-swift-\(purpose)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Runs `body` with a fresh runtime in a fresh root, then kills whatever it left running and
/// deletes the root, whether `body` succeeded or not: no test leaves a process behind.
func withRuntime(_ body: (ProcessRuntime, String) async throws -> Void) async throws {
    let root = try makeTemporaryDirectory()
    let runtime = try ProcessRuntime(root: root, logger: .silent)
    do {
        try await body(runtime, root)
    } catch {
        await runtime.stopAll(timeout: .zero)
        try? FileManager.default.removeItem(atPath: root)
        throw error
    }
    await runtime.stopAll(timeout: .zero)
    try? FileManager.default.removeItem(atPath: root)
}


/// A sandbox config for a pod called `name`, logging under `logDirectory` when given.
func podSandbox(_ name: String = "web", logDirectory: String = "") -> PodSandboxConfig {
    PodSandboxConfig(
        metadata: PodSandboxMetadata(name: name, namespace: "default", uid: UUID().uuidString),
        logDirectory: logDirectory
    )
}

/// Makes a sandbox and a container running `command` in it; returns the container's id.
@discardableResult
func startContainer(
    _ runtime: ProcessRuntime, _ command: [String], args: [String] = [],
    configure: (inout ContainerConfig) -> Void = { _ in }
) async throws -> String {
    let sandboxConfig = podSandbox()
    let sandbox = try await runtime.runPodSandbox(sandboxConfig)
    var config = ContainerConfig(metadata: ContainerMetadata(name: "main"), image: "none", command: command, args: args)
    configure(&config)
    let id = try await runtime.createContainer(sandboxID: sandbox, config: config, sandboxConfig: sandboxConfig)
    try await runtime.startContainer(id: id)
    return id
}

/// Waits until the container has exited and returns its status.
func exitedStatus(_ runtime: ProcessRuntime, _ id: String, within limit: Duration = WaitPolicy.defaultTimeout) async throws -> RuntimeContainerStatus {
    try await eventually("container \(id) to exit", timeout: limit) {
        try await runtime.containerStatus(id: id).state == .exited
    }
    return try await runtime.containerStatus(id: id)
}

/// Waits until the container's log file contains `text`, and returns the whole log.
func waitForLog(_ runtime: ProcessRuntime, _ id: String, containing text: String) async throws -> String {
    let path = try await runtime.containerStatus(id: id).logPath
    return try await waitUntil("the log of \(id) to contain \"\(text)\"") {
        let log = (try? criLogText(path)) ?? ""
        return log.contains(text) ? log : nil
    }
}

/// Whether no live process has this pid (a zombie counts as gone: it no longer runs).
func isGone(_ pid: Int32) -> Bool {
    guard let observation = ProcessIdentity.observe(pid: pid) else { return kill(pid, 0) != 0 }
    return observation.isZombie
}
