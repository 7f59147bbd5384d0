// Stage 1 · Kubelet tests: a container that fails its liveness probe is killed and restarted.
//
// The probe is an exec probe, which the prober runs through the runtime's `execSync`: the
// scripted runtime answers it with the attempt's scripted exit code. With
// `failureThreshold: 1` and no initial delay, the very first check decides, so no test
// waits for a probe period.

@testable import TestSupport
import API
import Testing
@testable import Kubelet

private let healthCheck = ["cat", "/tmp/healthy"]

/// A pod whose container `web` has an exec liveness probe that one failure condemns.
private func podWithLivenessProbe(graceSeconds: Int64, probeGraceSeconds: Int64? = nil) -> Pod {
    var pod = PodWorkerFixture.pod(["web"])
    pod.spec.terminationGracePeriodSeconds = graceSeconds
    pod.spec.containers[0].livenessProbe = Probe(
        handler: ProbeHandler(exec: ExecAction(command: healthCheck)), periodSeconds: 1, failureThreshold: 1,
        terminationGracePeriodSeconds: probeGraceSeconds)
    return pod
}

@Test func podWorkerKillsAndRestartsAContainerThatFailsItsLivenessProbe() async throws {
    let pod = podWithLivenessProbe(graceSeconds: 7)
    // The first attempt is unhealthy, the second healthy.
    let runtime = ScriptedRuntime(["web": [.runs(execExitCode: 1), .runs(execExitCode: 0)]])
    try await withPodWorker(pod, runtime) { _, statuses in
        let calls = try await runtime.waitFor("the second attempt to pass its probe") {
            $0.contains(.execSync("web#1", healthCheck))
        }.map(\.call)
        let probed = try #require(calls.firstIndex(of: .execSync("web#0", healthCheck)))
        let killed = try #require(calls.firstIndex(of: .stopContainer("web#0", timeout: .seconds(7))),
                                  "killed with the pod's grace period: \(calls)")
        let restarted = try #require(calls.firstIndex(of: .startContainer("web#1")))
        #expect(probed < killed && killed < restarted)

        // The healthy attempt is left alone: three syncs after its probe passed, it still runs.
        let later = try await runtime.waitFor("three syncs after the healthy probe") {
            guard let passed = $0.firstIndex(of: .execSync("web#1", healthCheck)) else { return false }
            return Array($0[passed...]).statusAnswers("web#1", .running) >= 3 || $0.created.count > 2
        }.map(\.call)
        #expect(!later.contains { if case .stopContainer("web#1", _) = $0 { true } else { false } }, "\(later)")
        #expect(later.created == ["web#0", "web#1"])
        try await eventually("web's status to count one restart") {
            await statuses.containerStatus("web", of: pod)?.restartCount == 1
        }
    }
}

@Test func podWorkerKillsAnUnhealthyContainerWithTheProbesOwnGracePeriod() async throws {
    let pod = podWithLivenessProbe(graceSeconds: 7, probeGraceSeconds: 2)
    let runtime = ScriptedRuntime(["web": [.runs(execExitCode: 1), .runs(execExitCode: 0)]])
    try await withPodWorker(pod, runtime) { _, _ in
        let calls = try await runtime.waitFor("web to be killed") {
            $0.contains { if case .stopContainer("web#0", _) = $0 { true } else { false } }
        }.map(\.call)
        #expect(calls.contains(.stopContainer("web#0", timeout: .seconds(2))), "\(calls)")
    }
}

@Test func podWorkerLeavesAContainerKilledForLivenessExitedWithNever() async throws {
    var pod = podWithLivenessProbe(graceSeconds: 7)
    pod.spec.restartPolicy = .never
    let runtime = ScriptedRuntime(["web": [.runs(execExitCode: 1)]])
    try await withPodWorker(pod, runtime) { _, _ in
        let calls = try await runtime.waitFor("three syncs to see the killed container exited, or a restart") {
            $0.statusAnswers("web#0", .exited) >= 3 || $0.created.count > 1
        }.map(\.call)
        #expect(calls.contains(.stopContainer("web#0", timeout: .seconds(7))))
        #expect(calls.created == ["web#0"], "\(calls)")
    }
}
