// Sandboxes group a pod's containers; stopping or removing one reaches all of them.

import Foundation
import Testing
@testable import ProcessRuntime
import CRI

@Test func newSandboxIsReadyWithTheLoopbackAddress() async throws {
    try await withRuntime { runtime, _ in
        let config = podSandbox("hello")
        let id = try await runtime.runPodSandbox(config)
        let status = try await runtime.podSandboxStatus(id: id)
        #expect(status.state == .ready)
        #expect(status.ip == "127.0.0.1")
        #expect(status.metadata == config.metadata)
        #expect(await runtime.listPodSandboxes().map(\.id) == [id])
    }
}

@Test func stopPodSandboxKillsItsContainersAndMarksItNotReady() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sleep", "100"])
        let sandbox = try await runtime.containerStatus(id: id).podSandboxID
        try await runtime.stopPodSandbox(id: sandbox)
        #expect(try await runtime.containerStatus(id: id).state == .exited)
        #expect(try await runtime.podSandboxStatus(id: sandbox).state == .notReady)
        let config = ContainerConfig(metadata: ContainerMetadata(name: "late"), command: ["true"])
        await #expect(throws: RuntimeError.failedPrecondition("pod sandbox \"\(sandbox)\" is not ready")) {
            try await runtime.createContainer(sandboxID: sandbox, config: config, sandboxConfig: podSandbox())
        }
    }
}

@Test func removePodSandboxRemovesItsContainers() async throws {
    try await withRuntime { runtime, root in
        let id = try await startContainer(runtime, ["sleep", "100"])
        let sandbox = try await runtime.containerStatus(id: id).podSandboxID
        try await runtime.removePodSandbox(id: sandbox)
        #expect(try await runtime.listContainers().isEmpty)
        #expect(await runtime.listPodSandboxes().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: root + "/sandboxes/\(sandbox)"))
        try await runtime.removePodSandbox(id: sandbox)   // idempotent, as CRI requires
    }
}

@Test func listContainersFiltersBySandbox() async throws {
    try await withRuntime { runtime, _ in
        let first = try await startContainer(runtime, ["true"])
        _ = try await startContainer(runtime, ["true"])
        let sandbox = try await runtime.containerStatus(id: first).podSandboxID
        #expect(await runtime.listContainers(sandboxID: sandbox).map(\.id) == [first])
        #expect(try await runtime.listContainers().count == 2)
    }
}
