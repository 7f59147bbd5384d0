// Stage 1 · Kubelet tests: a worker handed its pod again, unchanged.
//
// The kubelet's main loop hands every worker its pod's newest version each time any
// source's set changes; with a watching source (stage 3) that is every change to any
// pod. A worker must sync for a change of its own pod, not for every such hand-over.

@testable import TestSupport
import API
import Testing
@testable import Kubelet

@Test func podWorkerSyncsForAChangedPodButNotForTheSamePodAgain() async throws {
    let pod = PodWorkerFixture.pod(["web"])
    let runtime = ScriptedRuntime()
    // No sync tick within the test: every sync here comes from an update.
    try await withPodWorker(pod, runtime, syncFrequency: .seconds(3600)) { worker, _ in
        let started = try await runtime.waitFor("web to start") { $0.contains(.startContainer("web#0")) }.count
        for _ in 0..<20 { worker.update(pod) }
        var changed = pod
        changed.spec.containers[0].image = "busybox:2"
        worker.update(changed)
        let calls = try await runtime.waitFor("web to be started again") { $0.contains(.startContainer("web#1")) }.map(\.call)
        let looks = calls.filter { if case .containerStatus("web#0", _) = $0 { true } else { false } }
        #expect(started > 0)
        #expect(looks.count < 5, "the syncs of the change, none for the same pod again: \(calls)")
    }
}
