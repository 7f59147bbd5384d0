// Stage 1 · Kubelet tests: running one PodWorker over a scripted runtime.
//
// `withPodWorker` runs a real `PodWorker` (its sync loop, back-off and probe workers)
// against a `ScriptedRuntime`, syncing every 10 ms instead of every second, while the
// test's body watches the runtime's calls and the pod's status. When the body is done
// the worker is told to terminate, its `run` must return, and nothing may be left in the
// runtime: no container, no sandbox.

@testable import TestSupport
import API
import Foundation
import Testing
@testable import Kubelet

enum PodWorkerFixture {
    /// How often the worker under test syncs: short, so that tests see a sync quickly.
    static let syncFrequency: Duration = .milliseconds(10)
    /// A back-off that never gets in a test's way: only the first restart of a container
    /// is immediate, and no test here restarts a container twice unless it asks for a
    /// back-off of its own.
    static let slowBackoff = RestartBackoff.Policy(initial: .seconds(60), maximum: .seconds(300))
    /// The most a whole test may take, termination included, on a loaded machine.
    static let deadlineSeconds = 180.0

    /// A defaulted pod (restart policy, a 30 s grace period) with the given containers.
    static func pod(
        _ containers: [String] = ["web"],
        initContainers: [String] = [],
        restartPolicy: RestartPolicy = .always
    ) -> Pod {
        var pod = KubeletFixtures.pod(containers: containers, initContainers: initContainers, restartPolicy: restartPolicy)
        pod.applyDefaults()
        return pod
    }
}

/// Runs a `PodWorker` for `pod` over `runtime` while `body` runs, then terminates it and
/// checks that its `run` returned and that it left nothing in the runtime.
func withPodWorker(
    _ pod: Pod,
    _ runtime: ScriptedRuntime,
    backoff: RestartBackoff.Policy = PodWorkerFixture.slowBackoff,
    recorder: any EventRecorder = LoggingEventRecorder(logger: .silent),
    configObjects: any ConfigObjectManager = StandaloneConfigObjects(),
    syncFrequency: Duration = PodWorkerFixture.syncFrequency,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: @escaping @Sendable (PodWorker, StatusManager) async throws -> Void
) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let configuration = KubeletConfiguration(
        nodeName: "node1", rootDirectory: directory.url, manifestDirectory: nil,
        syncFrequency: syncFrequency, backoff: backoff)
    let statusManager = StatusManager()
    let worker = PodWorker(
        pod: pod, runtime: runtime, configuration: configuration, statusManager: statusManager,
        recorder: recorder, logger: .silent, configObjects: configObjects)
    try await withDeadline(seconds: PodWorkerFixture.deadlineSeconds) {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await worker.run() }
            do {
                try await body(worker, statusManager)
            } catch {
                worker.requestTermination()
                throw error
            }
            worker.requestTermination()
            try await group.waitForAll()
        }
    }
    let calls = await runtime.calls
    #expect(await runtime.isClean, "the worker left containers or a sandbox behind: \(calls)", sourceLocation: sourceLocation)
    #expect(await statusManager.status(ofPod: pod.metadata.uid) == nil, "a terminated pod keeps no status",
            sourceLocation: sourceLocation)
}

extension StatusManager {
    /// The status of the one container `name` of pod `pod`, init or app, if published.
    func containerStatus(_ name: String, of pod: Pod) -> ContainerStatus? {
        guard let status = status(ofPod: pod.metadata.uid) else { return nil }
        return (status.initContainerStatuses + status.containerStatuses).first { $0.name == name }
    }
}
