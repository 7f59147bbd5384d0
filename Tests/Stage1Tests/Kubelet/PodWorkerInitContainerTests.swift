// Stage 1 · Kubelet tests: init containers run one at a time, in order, each to success,
// before any app container starts.
//
// The first init container here runs until the test ends it, so the test can watch
// several syncs go by with it running and see that nothing else was started meanwhile.

@testable import TestSupport
import API
import Testing
@testable import Kubelet

@Test func podWorkerRunsInitContainersInOrderEachToCompletionBeforeTheAppContainers() async throws {
    let pod = PodWorkerFixture.pod(["web", "helper"], initContainers: ["first", "second"])
    let runtime = ScriptedRuntime(["first": [.runs], "second": [.exits(0)]])
    try await withPodWorker(pod, runtime) { _, _ in
        let whileFirstRuns = try await runtime.waitFor("three syncs to see the first init container running, or another start") {
            $0.statusAnswers("first#0", .running) >= 3 || $0.created.count > 1
        }.map(\.call)
        #expect(whileFirstRuns.created == ["first#0"], "nothing starts while an init container runs")

        await runtime.finish("first", exitCode: 0)
        let calls = try await runtime.waitFor("both app containers to start") {
            $0.contains(.startContainer("web#0")) && $0.contains(.startContainer("helper#0"))
        }.map(\.call)
        #expect(calls.created == ["first#0", "second#0", "web#0", "helper#0"], "each container once, in order")
        let firstDone = try #require(calls.firstIndex(of: .exited("first#0", code: 0)))
        let secondCreated = try #require(calls.firstIndex(of: .createContainer("second#0")))
        let secondDone = try #require(calls.firstIndex(of: .exited("second#0", code: 0)))
        let webCreated = try #require(calls.firstIndex(of: .createContainer("web#0")))
        #expect(firstDone < secondCreated && secondDone < webCreated, "\(calls)")
    }
}

@Test func podWorkerFailsThePodWhenAnInitContainerFailsWithNever() async throws {
    let pod = PodWorkerFixture.pod(["web"], initContainers: ["setup"], restartPolicy: .never)
    let runtime = ScriptedRuntime(["setup": [.exits(1)]])
    try await withPodWorker(pod, runtime) { _, statuses in
        // The start, the sync that decides, and one more sync: see PodWorkerRestartPolicyTests.
        let calls = try await runtime.waitFor("three syncs to see the init container failed, or another start") {
            $0.statusAnswers("setup#0", .exited) >= 3 || $0.created.count > 1
        }.map(\.call)
        #expect(calls.created == ["setup#0"], "neither a retry nor an app container")
        try await eventually("the pod to be Failed") {
            await statuses.status(ofPod: pod.metadata.uid)?.phase == .failed
        }
        #expect(await statuses.containerStatus("setup", of: pod)?.state.terminated?.exitCode == 1)
        #expect(await statuses.containerStatus("web", of: pod)?.state.waiting != nil, "web never ran")
    }
}

@Test func podWorkerRetriesAFailedInitContainerWithOnFailureBeforeStartingTheApp() async throws {
    let pod = PodWorkerFixture.pod(["web"], initContainers: ["setup"], restartPolicy: .onFailure)
    let runtime = ScriptedRuntime(["setup": [.exits(1), .exits(0)]])
    try await withPodWorker(pod, runtime) { _, _ in
        let calls = try await runtime.waitFor("web to start") { $0.contains(.startContainer("web#0")) }.map(\.call)
        #expect(calls.created == ["setup#0", "setup#1", "web#0"], "\(calls)")
    }
}
