// Stage 1 · Kubelet tests: a container runtime that must never be called.
//
// The HTTP API's tests build pod workers only to hold container records; the workers
// never run, so nothing may reach the runtime. Every call fails loudly if one does.

import CRI
import Foundation

/// A `ContainerRuntime` whose every call throws: for workers that are built but never run.
struct UnusedRuntime: ContainerRuntime {
    private func unused(_ call: String = #function) -> RuntimeError {
        .internalError("UnusedRuntime.\(call) was called; this test's workers must not reach the runtime")
    }

    func version() async throws -> RuntimeVersion { throw unused() }
    func runPodSandbox(_ config: PodSandboxConfig) async throws -> String { throw unused() }
    func stopPodSandbox(id: String) async throws { throw unused() }
    func removePodSandbox(id: String) async throws { throw unused() }
    func podSandboxStatus(id: String) async throws -> PodSandboxStatus { throw unused() }
    func listPodSandboxes() async throws -> [PodSandboxStatus] { throw unused() }
    func createContainer(sandboxID: String, config: ContainerConfig, sandboxConfig: PodSandboxConfig) async throws -> String { throw unused() }
    func startContainer(id: String) async throws { throw unused() }
    func stopContainer(id: String, timeout: Duration) async throws { throw unused() }
    func removeContainer(id: String) async throws { throw unused() }
    func containerStatus(id: String) async throws -> RuntimeContainerStatus { throw unused() }
    func listContainers(sandboxID: String?) async throws -> [RuntimeContainerStatus] { throw unused() }
    func execSync(containerID: String, command: [String], timeout: Duration) async throws -> ExecSyncResult { throw unused() }
}
