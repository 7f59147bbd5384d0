// Stage 1 · CRI: the interface between the kubelet and whatever runs containers.
//
// Kubernetes' kubelet never starts a process itself. It speaks the Container Runtime
// Interface (CRI, `k8s.io/cri-api/pkg/apis/runtime/v1/api.proto`) to a runtime such as
// containerd or CRI-O, and that runtime does the work. This protocol is CRI's
// `RuntimeService` in Swift: the same calls, named after the same RPCs, taking and returning
// the same shapes of data. The kubelet translates a pod into a `PodSandboxConfig` and each of
// its containers into a `ContainerConfig`, exactly as the real kubelet builds CRI requests;
// this module never sees a `Pod`.
//
// The life of a pod through this interface:
//
//     let sandbox = try await runtime.runPodSandbox(sandboxConfig)
//     let id = try await runtime.createContainer(sandboxID: sandbox, config: c, sandboxConfig: sandboxConfig)
//     try await runtime.startContainer(id: id)
//     …  runtime.containerStatus(id:) until it has exited, then restart per restartPolicy …
//     try await runtime.stopContainer(id: id, timeout: .seconds(30))
//     try await runtime.removeContainer(id: id)
//     try await runtime.stopPodSandbox(id: sandbox)
//     try await runtime.removePodSandbox(id: sandbox)
//
// Nothing here is specific to processes: `ProcessRuntime` implements it portably, and a later
// runtime built on runc and Linux namespaces can implement it without the kubelet changing.
//
// Left out, compared with CRI: images (the image service), attach/exec streaming, port
// forwarding, stats, resource updates, and the filters of the List calls (the kubelet here
// filters the few results itself).

import Foundation

/// CRI's `RuntimeService`: what the kubelet calls to run pod sandboxes and their containers.
///
/// Every call may throw a `RuntimeError`. Stop and remove calls are idempotent where CRI says
/// they must be, so the kubelet can retry them after a failure without special cases.
public protocol ContainerRuntime: Sendable {
    /// Names the runtime and the CRI version it speaks; the kubelet logs it at startup.
    func version() async throws -> RuntimeVersion

    /// Creates a pod's sandbox (the environment its containers share) and returns its id; the
    /// kubelet calls it once per pod before creating any container.
    func runPodSandbox(_ config: PodSandboxConfig) async throws -> String
    /// Stops every container of the sandbox, forcibly, and marks it not ready; the kubelet calls
    /// it when a pod is deleted, after stopping the containers gracefully. Idempotent.
    func stopPodSandbox(id: String) async throws
    /// Removes a sandbox and every container in it; removing a missing sandbox is not an error.
    func removePodSandbox(id: String) async throws
    /// The state of one sandbox, which the kubelet reads while syncing the pod.
    func podSandboxStatus(id: String) async throws -> PodSandboxStatus
    /// Every sandbox the runtime knows, ready or not; the kubelet lists them to find pods it
    /// no longer wants.
    func listPodSandboxes() async throws -> [PodSandboxStatus]

    /// Creates (but does not start) a container in a sandbox and returns its id; the kubelet
    /// passes the sandbox's config again, as CRI does, so the runtime need not look it up.
    func createContainer(sandboxID: String, config: ContainerConfig, sandboxConfig: PodSandboxConfig) async throws -> String
    /// Starts a created container; the kubelet calls it right after `createContainer`.
    func startContainer(id: String) async throws
    /// Stops a running container: the stop signal, then a kill when `timeout` (the pod's grace
    /// period) runs out. Returns once it has exited. Stopping an exited container does nothing.
    func stopContainer(id: String, timeout: Duration) async throws
    /// Removes a container, stopping it forcibly first if it still runs; its log file stays for
    /// the kubelet to serve and rotate. Removing a missing container is not an error.
    func removeContainer(id: String) async throws
    /// The state of one container, which the kubelet turns into the pod's container statuses.
    func containerStatus(id: String) async throws -> RuntimeContainerStatus
    /// The containers of one sandbox, or of all sandboxes when `sandboxID` is nil; the kubelet
    /// compares them with the pod's spec on every sync.
    func listContainers(sandboxID: String?) async throws -> [RuntimeContainerStatus]
    /// Runs a command inside a running container and waits for it, up to `timeout`; the
    /// kubelet's exec probes call it.
    func execSync(containerID: String, command: [String], timeout: Duration) async throws -> ExecSyncResult
    /// What the runtime knows of an image, or nil if it knows nothing; the kubelet asks for
    /// the image's user before starting a container that must not run as root.
    func imageStatus(image: String) async throws -> Image?
}

extension ContainerRuntime {
    /// Every container of every sandbox, for the kubelet's housekeeping.
    public func listContainers() async throws -> [RuntimeContainerStatus] {
        try await listContainers(sandboxID: nil)
    }

    /// A runtime that knows nothing of images says so.
    public func imageStatus(image: String) async throws -> Image? { nil }
}
