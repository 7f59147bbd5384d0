// Stage 1 · Kubelet tests: the pod's restartPolicy decides whether an exited container runs again.
//
// Kubernetes' rule (`PodWorker.shouldRestart`): `Always` restarts whatever the exit code,
// `OnFailure` only after a non-zero exit, `Never` never. Each case runs a real pod worker
// over a runtime whose container exits at once, with 0 or 1, on its first attempt.
//
// "Not restarted" is shown without waiting and hoping: the worker decides in the sync
// that first sees the exit, so once the runtime has told three syncs that the container
// has exited, a restart would already have been asked for.

@testable import TestSupport
import API
import Testing
@testable import Kubelet

/// Runs a one-container pod whose first attempt exits with `exitCode`, and checks it is restarted.
private func expectRestart(policy: RestartPolicy, exitCode: Int32, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let pod = PodWorkerFixture.pod(restartPolicy: policy)
    let runtime = ScriptedRuntime(["web": [.exits(exitCode), .runs]])
    try await withPodWorker(pod, runtime) { _, statuses in
        let calls = try await runtime.waitFor("web to be started again", sourceLocation: sourceLocation) {
            $0.contains(.startContainer("web#1"))
        }.map(\.call)
        // The old attempt is gone before the new one is made: a restart is a new container.
        let exited = try #require(calls.firstIndex(of: .exited("web#0", code: exitCode)), sourceLocation: sourceLocation)
        let removed = try #require(calls.firstIndex(of: .removeContainer("web#0")), sourceLocation: sourceLocation)
        let created = try #require(calls.firstIndex(of: .createContainer("web#1")), sourceLocation: sourceLocation)
        #expect(exited < removed && removed < created, "\(calls)", sourceLocation: sourceLocation)
        try await eventually("web's status to count the restart and show how the last attempt ended", sourceLocation: sourceLocation) {
            let status = await statuses.containerStatus("web", of: pod)
            return status?.restartCount == 1 && status?.state.running != nil
                && status?.lastState.terminated?.exitCode == exitCode
        }
    }
}

/// Runs a one-container pod whose first attempt exits with `exitCode`, and checks it stays exited.
private func expectNoRestart(
    policy: RestartPolicy, exitCode: Int32, phase: PodPhase, sourceLocation: SourceLocation = #_sourceLocation
) async throws {
    let pod = PodWorkerFixture.pod(restartPolicy: policy)
    let runtime = ScriptedRuntime(["web": [.exits(exitCode), .runs]])
    try await withPodWorker(pod, runtime) { _, statuses in
        // One answer comes from the start itself, one from the sync that decides, and the
        // third from the sync after it, which begins only once the deciding sync is done.
        let calls = try await runtime.waitFor("three syncs to see web#0 exited, or a restart", sourceLocation: sourceLocation) {
            $0.statusAnswers("web#0", .exited) >= 3 || $0.created.count > 1
        }.map(\.call)
        #expect(calls.created == ["web#0"], "\(calls)", sourceLocation: sourceLocation)
        try await eventually("the pod to be \(phase.rawValue)", sourceLocation: sourceLocation) {
            await statuses.status(ofPod: pod.metadata.uid)?.phase == phase
        }
        let status = await statuses.containerStatus("web", of: pod)
        #expect(status?.restartCount == 0, sourceLocation: sourceLocation)
        #expect(status?.state.terminated?.exitCode == exitCode, sourceLocation: sourceLocation)
    }
}

@Test func podWorkerRestartsACompletedContainerWithAlways() async throws {
    try await expectRestart(policy: .always, exitCode: 0)
}

@Test func podWorkerRestartsAFailedContainerWithAlways() async throws {
    try await expectRestart(policy: .always, exitCode: 1)
}

@Test func podWorkerRestartsAFailedContainerWithOnFailure() async throws {
    try await expectRestart(policy: .onFailure, exitCode: 1)
}

@Test func podWorkerLeavesACompletedContainerExitedWithOnFailure() async throws {
    try await expectNoRestart(policy: .onFailure, exitCode: 0, phase: .succeeded)
}

@Test func podWorkerLeavesACompletedContainerExitedWithNever() async throws {
    try await expectNoRestart(policy: .never, exitCode: 0, phase: .succeeded)
}

@Test func podWorkerLeavesAFailedContainerExitedWithNever() async throws {
    try await expectNoRestart(policy: .never, exitCode: 1, phase: .failed)
}
