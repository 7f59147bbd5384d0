// Stage 1 · Kubelet tests: a pod's spec changing under its worker, and its active deadline.
//
// `kubectl set image` changes a running pod's container image; the kubelet sees a new
// version of the pod and restarts that container (Kubernetes compares a hash of the
// container's spec). `activeDeadlineSeconds` bounds how long the pod may run: past it,
// the worker kills everything and reports the pod Failed, reason DeadlineExceeded.

@testable import TestSupport
import API
import Testing
@testable import Kubelet

@Test func podWorkerRestartsAContainerWhoseImageChanged() async throws {
    let pod = PodWorkerFixture.pod(["web", "helper"])
    let runtime = ScriptedRuntime()
    let recorder = RecordingEventRecorder()
    try await withPodWorker(pod, runtime, recorder: recorder) { worker, statuses in
        try await runtime.waitFor("both to start") { $0.contains(.startContainer("web#0")) && $0.contains(.startContainer("helper#0")) }
        var changed = pod
        changed.spec.containers[0].image = "busybox:2"
        worker.update(changed)
        let calls = try await runtime.waitFor("web to be started again") { $0.contains(.startContainer("web#1")) }.map(\.call)
        let stopped = try #require(calls.firstIndex { if case .stopContainer("web#0", _) = $0 { true } else { false } }, "\(calls)")
        #expect(stopped < calls.firstIndex(of: .startContainer("web#1"))!)
        #expect(!calls.contains { if case .stopContainer("helper#0", _) = $0 { true } else { false } }, "helper is left alone")
        let killing = try await recorder.waitFor(reason: "Killing")
        #expect(killing.message == "Container web definition changed, will be restarted")
        try await eventually("web's status to show the new image and one restart") {
            let status = await statuses.containerStatus("web", of: pod)
            return status?.image == "busybox:2" && status?.restartCount == 1 && status?.state.running != nil
        }
    }
}

@Test func podWorkerFailsAPodPastItsActiveDeadline() async throws {
    var deadlined = PodWorkerFixture.pod(["web"])
    deadlined.spec.activeDeadlineSeconds = 1
    let pod = deadlined
    let runtime = ScriptedRuntime()
    let recorder = RecordingEventRecorder()
    try await withPodWorker(pod, runtime, recorder: recorder) { _, statuses in
        try await runtime.waitFor("web to be killed") { $0.contains { if case .stopContainer("web#0", _) = $0 { true } else { false } } }
        let status = try await waitUntil("the pod to have failed") { () async -> PodStatus? in
            guard let status = await statuses.status(ofPod: pod.metadata.uid), status.phase == .failed else { return nil }
            return status
        }
        #expect(status.reason == "DeadlineExceeded")
        #expect(status.message == "Pod was active on the node longer than the specified deadline")
        let event = try await recorder.waitFor(reason: "DeadlineExceeded")
        #expect(event.message == "Pod was active on the node longer than the specified deadline")
        // Nothing is started again: three syncs later there is still only the first attempt.
        let later = try await runtime.waitFor("a few more syncs") { $0.statusAnswers("web#0", .exited) >= 3 }.map(\.call)
        #expect(later.created == ["web#0"], "\(later)")
    }
}

@Test func failingReadinessProbeRecordsAnUnhealthyEventEachTime() async throws {
    var pod = PodWorkerFixture.pod(["web"])
    pod.spec.containers[0].readinessProbe = Probe(
        handler: ProbeHandler(exec: ExecAction(command: ["cat", "/tmp/ready"])), periodSeconds: 1, failureThreshold: 3)
    let runtime = ScriptedRuntime(["web": [.runs(execExitCode: 1)]])
    let recorder = RecordingEventRecorder()
    try await withPodWorker(pod, runtime, recorder: recorder) { _, _ in
        let event = try await recorder.waitFor(reason: "Unhealthy")
        #expect(event.type == .warning)
        #expect(event.message == "Readiness probe failed: scripted failure")
    }
}
