// Stage 1 · Kubelet tests: the kubelet says when a pod's worker is gone (a stage 3 extension point).
//
// A kubelet fed by an informer hears of no pod change when a deleted pod's containers have
// stopped, yet that is when it must confirm the deletion. `workerRemovals()` tells it.

@testable import TestSupport
import API
import Foundation
import Testing
@testable import Kubelet

/// A pod source whose sets the test hands over.
struct HandedSource: PodSource {
    let name = "api"
    let sets: AsyncStream<[Pod]>

    func run(deliver: @escaping @Sendable (PodSourceUpdate) async -> Void) async throws {
        for await pods in sets { await deliver(PodSourceUpdate(source: name, pods: pods)) }
    }
}

@Test func theKubeletTellsOfEachPodWhoseWorkerHasFinished() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let runtime = ScriptedRuntime()
    let (sets, hand) = AsyncStream.makeStream(of: [Pod].self)
    var graceful = KubeletFixtures.pod(name: "web")
    graceful.spec.terminationGracePeriodSeconds = 1
    let pod = graceful
    let configuration = KubeletConfiguration(
        nodeName: "node1", rootDirectory: directory.url, manifestDirectory: nil, port: 0,
        syncFrequency: PodWorkerFixture.syncFrequency)
    let kubelet = try Kubelet(configuration: configuration, runtime: runtime, sources: [HandedSource(sets: sets)], logger: .silent)
    let removals = await kubelet.workerRemovals()
    try await withDeadline(seconds: PodWorkerFixture.deadlineSeconds) {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await kubelet.run() }
            defer { group.cancelAll() }
            hand.yield([pod])
            try await runtime.waitFor("web to start") { $0.contains(.startContainer("web#0")) }
            #expect(await kubelet.hasWorker(forPod: pod.metadata.uid))
            hand.yield([])
            var removed: String?
            for await uid in removals { removed = uid; break }
            #expect(removed == pod.metadata.uid)
            #expect(await !kubelet.hasWorker(forPod: pod.metadata.uid), "told once the worker is gone, not before")
            #expect(await runtime.isClean)
        }
    }
}
