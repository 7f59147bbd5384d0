// Stage 1 · Kubelet tests: the grace period of a deletion, preStop and postStart hooks.
//
// A deleted API pod reaches its worker as a newer version of the pod, carrying the
// deletion's `deletionGracePeriodSeconds` (`kubectl delete --grace-period=1`); the worker
// then stops every container with that grace period, not the spec's. A container's
// preStop hook runs before it is stopped; a failed postStart hook kills it.

@testable import TestSupport
import API
import CRI
import Testing
@testable import Kubelet

@Test func podWorkerStopsADeletedPodWithTheDeletionsGracePeriod() async throws {
    var long = PodWorkerFixture.pod(["web"])
    long.spec.terminationGracePeriodSeconds = 60
    let pod = long
    let runtime = ScriptedRuntime()
    try await withPodWorker(pod, runtime) { worker, _ in
        try await runtime.waitFor("web to start") { $0.contains(.startContainer("web#0")) }
        var deleted = pod
        deleted.metadata.deletionGracePeriodSeconds = 1
        deleted.metadata.deletionTimestamp = Time.now()
        worker.update(deleted)
    }
    let calls = await runtime.calls
    #expect(calls.contains(.stopContainer("web#0", timeout: .seconds(1))), "\(calls)")
}

@Test func podWorkerNeverStopsWithLessThanOneSecond() async throws {
    var pod = PodWorkerFixture.pod(["web"])
    pod.metadata.deletionGracePeriodSeconds = 0
    let runtime = ScriptedRuntime()
    try await withPodWorker(pod, runtime) { _, _ in
        try await runtime.waitFor("web to start") { $0.contains(.startContainer("web#0")) }
    }
    let calls = await runtime.calls
    #expect(calls.contains(.stopContainer("web#0", timeout: .seconds(1))), "\(calls)")
}

@Test func podWorkerRunsThePreStopHookBeforeStoppingAContainer() async throws {
    var pod = PodWorkerFixture.pod(["web"])
    pod.spec.terminationGracePeriodSeconds = 30
    let hook = ["sh", "-c", "echo bye > /tmp/bye"]
    pod.spec.containers[0].lifecycle = Lifecycle(preStop: LifecycleHandler(exec: ExecAction(command: hook)))
    let runtime = ScriptedRuntime()
    let recorder = RecordingEventRecorder()
    try await withPodWorker(pod, runtime, recorder: recorder) { _, _ in
        try await runtime.waitFor("web to start") { $0.contains(.startContainer("web#0")) }
    }
    let calls = await runtime.calls
    let hooked = try #require(calls.firstIndex(of: .execSync("web#0", hook)), "\(calls)")
    let stopped = try #require(calls.firstIndex { if case .stopContainer("web#0", _) = $0 { true } else { false } })
    #expect(hooked < stopped, "the hook runs before SIGTERM: \(calls)")
    #expect(await recorder.events.contains(.init(type: .normal, reason: "Killing", message: "Stopping container web")))
}

@Test func podWorkerKillsAContainerWhosePostStartHookFails() async throws {
    var pod = PodWorkerFixture.pod(["web"])
    let hook = ["false"]
    pod.spec.containers[0].lifecycle = Lifecycle(postStart: LifecycleHandler(exec: ExecAction(command: hook)))
    // The first attempt's hook fails; the second's succeeds.
    let runtime = ScriptedRuntime(["web": [.runs(execExitCode: 1), .runs(execExitCode: 0)]])
    let recorder = RecordingEventRecorder()
    try await withPodWorker(pod, runtime, recorder: recorder) { _, _ in
        let calls = try await runtime.waitFor("web to be started again") { $0.contains(.startContainer("web#1")) }.map(\.call)
        let hooked = try #require(calls.firstIndex(of: .execSync("web#0", hook)))
        let killed = try #require(calls.firstIndex { if case .stopContainer("web#0", _) = $0 { true } else { false } })
        #expect(hooked < killed, "\(calls)")
        let failed = try await recorder.waitFor(reason: "FailedPostStartHook")
        #expect(failed.type == .warning)
        #expect(failed.message == "PostStartHook failed", "the details stay in the kubelet's log, as in Kubernetes")
        #expect(await recorder.events.contains(.init(type: .normal, reason: "Killing", message: "FailedPostStartHook")))
    }
}

@Test func aFailedExecHookIsDescribedAsKubernetesDescribesIt() async throws {
    let pod = PodWorkerFixture.pod(["web"])
    let runtime = ScriptedRuntime(["web": [.runs(execExitCode: 1)]])
    let sandbox = try await runtime.runPodSandbox(PodSandboxConfig(metadata: PodSandboxMetadata(name: "hello", namespace: "default", uid: "uid-hello", attempt: 0)))
    let id = try await runtime.createContainer(
        sandboxID: sandbox, config: ContainerConfig(metadata: ContainerMetadata(name: "web", attempt: 0), image: "busybox", command: ["sh"]),
        sandboxConfig: PodSandboxConfig(metadata: PodSandboxMetadata(name: "hello", namespace: "default", uid: "uid-hello", attempt: 0)))
    try await runtime.startContainer(id: id)
    let runner = LifecycleHandlerRunner(runtime: runtime, podIP: "127.0.0.1")
    let failure = await runner.run(LifecycleHandler(exec: ExecAction(command: ["false"])), container: pod.spec.containers[0],
                                   containerID: id, pod: pod, timeout: .seconds(5))
    #expect(failure == #"Exec lifecycle hook ([false]) for Container "web" in Pod "hello_default(uid-hello)" failed - error: command 'false' exited with 1: scripted failure, message: "scripted failure""#)
    #expect(await runner.run(LifecycleHandler(tcpSocket: TCPSocketAction(port: .int(80))), container: pod.spec.containers[0],
                             containerID: id, pod: pod, timeout: .seconds(5))?.contains("invalid handler") == true)
}
