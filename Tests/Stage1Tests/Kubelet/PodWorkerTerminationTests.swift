// Stage 1 · Kubelet tests: terminating a pod stops its containers with the pod's grace period.
//
// `withPodWorker` terminates the worker when the test body returns and checks that the
// runtime is left empty; these tests then look at how it was emptied: every running
// container stopped with `terminationGracePeriodSeconds` (the SIGTERM-to-SIGKILL window),
// then removed, and the sandbox last.

@testable import TestSupport
import API
import Testing
@testable import Kubelet

/// Runs `pod` until both its containers run, terminates it, and returns the runtime's calls.
private func terminatedCalls(of pod: Pod) async throws -> [ScriptedRuntime.Call] {
    let runtime = ScriptedRuntime()
    try await withPodWorker(pod, runtime) { _, _ in
        try await runtime.waitFor("both containers to start") {
            $0.contains(.startContainer("web#0")) && $0.contains(.startContainer("helper#0"))
        }
    }
    return await runtime.calls
}

@Test func podWorkerTerminationStopsEveryContainerWithThePodsGracePeriod() async throws {
    var pod = PodWorkerFixture.pod(["web", "helper"])
    pod.spec.terminationGracePeriodSeconds = 7
    let calls = try await terminatedCalls(of: pod)
    for name in ["web#0", "helper#0"] {
        let stopped = try #require(calls.firstIndex(of: .stopContainer(name, timeout: .seconds(7))), "\(calls)")
        let removed = try #require(calls.firstIndex(of: .removeContainer(name)))
        #expect(stopped < removed, "\(name) is stopped gracefully before it is removed")
    }
    let stopsSandbox = try #require(calls.firstIndex(of: .stopPodSandbox))
    let removesSandbox = try #require(calls.firstIndex(of: .removePodSandbox))
    let lastRemoval = try #require(calls.lastIndex { if case .removeContainer = $0 { true } else { false } })
    #expect(lastRemoval < stopsSandbox && stopsSandbox < removesSandbox, "the sandbox goes last: \(calls)")
    #expect(calls.created == ["web#0", "helper#0"], "nothing is started while terminating")
}

@Test func podWorkerTerminationUsesThirtySecondsWhenThePodNamesNoGracePeriod() async throws {
    var pod = PodWorkerFixture.pod(["web", "helper"])
    pod.spec.terminationGracePeriodSeconds = nil
    let calls = try await terminatedCalls(of: pod)
    #expect(calls.contains(.stopContainer("web#0", timeout: .seconds(30))), "\(calls)")
    #expect(calls.contains(.stopContainer("helper#0", timeout: .seconds(30))), "\(calls)")
}
