// Stage 1 · Kubelet tests: a crash-looping container waits longer before each restart.
//
// `RestartBackoffTests` check the delays as pure values; this checks that the pod worker
// obeys them. The container crashes the moment it starts, every time, under a back-off
// of 50 ms doubling to 100, 200… The first restart is immediate (a first crash has no
// back-off entry yet); each later restart must come at least its delay after the crash
// before it. Only lower bounds are asserted: a loaded machine can make the worker late,
// never early.

@testable import TestSupport
import API
import Common
import Foundation
import Testing
@testable import Kubelet

@Test func podWorkerWaitsLongerBeforeEachRestartOfACrashLoopingContainer() async throws {
    let initial = Duration.milliseconds(50)
    let pod = PodWorkerFixture.pod(restartPolicy: .always)
    let runtime = ScriptedRuntime(["web": [.exits(1)]])
    try await withPodWorker(pod, runtime, backoff: RestartBackoff.Policy(initial: initial, maximum: .seconds(60))) { _, statuses in
        let events = try await runtime.waitFor("the fifth attempt to start") { $0.contains(.startContainer("web#4")) }
        let times = Dictionary(events.map { ($0.call, $0.time) }, uniquingKeysWith: { first, _ in first })
        // Seconds from each crash to the next attempt, measured as the back-off measures it.
        var waits: [Double] = []
        for attempt in 1...4 {
            let crashed = try #require(times[.exited("web#\(attempt - 1)", code: 1)])
            let created = try #require(times[.createContainer("web#\(attempt)")])
            #expect(crashed <= created, "web#\(attempt) was made after web#\(attempt - 1) crashed")
            waits.append(created.timeIntervalSince(crashed))
        }
        #expect(events.map(\.call).created == (0...4).map { "web#\($0)" }, "one attempt at a time, in order")
        // Restart n (n ≥ 2) waits at least initial × 2^(n-2): 50 ms, 100 ms, 200 ms.
        #expect(waits[1] >= initial.seconds, "\(waits)")
        #expect(waits[2] >= (initial * 2).seconds, "\(waits)")
        #expect(waits[3] >= (initial * 4).seconds, "\(waits)")

        // Meanwhile the container is reported waiting in CrashLoopBackOff, as kubectl shows it.
        try await eventually("web to be shown in CrashLoopBackOff") {
            await statuses.containerStatus("web", of: pod)?.state.waiting?.reason == "CrashLoopBackOff"
        }
    }
}
