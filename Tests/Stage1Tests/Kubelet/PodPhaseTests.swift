// Stage 1 · Kubelet tests: the pod's phase, by the rules of Kubernetes' `getPhase`.
//
// Each test builds the runtime's view of the containers by hand and reads the phase
// the status generator derives from it, under each restart policy.

import API
import Testing
@testable import Kubelet

private typealias F = KubeletFixtures

@Test func phaseIsPendingWhileAnInitContainerRuns() {
    let pod = F.pod(initContainers: ["init"])
    let status = F.status(F.generator(pod, [F.running("init")]))
    #expect(status.phase == .pending)
    #expect(status.containerStatuses[0].state.waiting?.reason == "PodInitializing")
}

@Test func phaseIsPendingWhileAContainerIsBeingCreated() {
    let status = F.status(F.generator(F.pod()))
    #expect(status.phase == .pending)
    #expect(status.containerStatuses[0].state.waiting?.reason == "ContainerCreating")
}

@Test func phaseIsRunningWhenEveryContainerRuns() {
    let pod = F.pod(containers: ["web", "side"], initContainers: ["init"])
    let status = F.status(F.generator(pod, [F.exited("init", exitCode: 0), F.running("web"), F.running("side")]))
    #expect(status.phase == .running)
}

@Test func phaseIsRunningWhileOneContainerRunsAndAnotherHasCompleted() {
    let pod = F.pod(containers: ["web", "job"], restartPolicy: .never)
    let status = F.status(F.generator(pod, [F.running("web"), F.exited("job", exitCode: 0)]))
    #expect(status.phase == .running)
}

@Test func phaseIsSucceededWhenEveryContainerExitedZeroUnderOnFailure() {
    let pod = F.pod(containers: ["a", "b"], restartPolicy: .onFailure)
    let status = F.status(F.generator(pod, [F.exited("a", exitCode: 0), F.exited("b", exitCode: 0)]))
    #expect(status.phase == .succeeded)
}

@Test func phaseIsSucceededWhenEveryContainerExitedZeroUnderNever() {
    let status = F.status(F.generator(F.pod(restartPolicy: .never), [F.exited("web", exitCode: 0)]))
    #expect(status.phase == .succeeded)
}

@Test func phaseIsFailedWhenAContainerFailedUnderNever() {
    let pod = F.pod(containers: ["a", "b"], restartPolicy: .never)
    let status = F.status(F.generator(pod, [F.exited("a", exitCode: 0), F.exited("b", exitCode: 2)]))
    #expect(status.phase == .failed)
}

@Test func phaseIsRunningUnderOnFailureWhileAFailedContainerAwaitsItsRestart() {
    let status = F.status(F.generator(F.pod(restartPolicy: .onFailure), [F.exited("web", exitCode: 1)]))
    #expect(status.phase == .running)
}

@Test func phaseIsRunningUnderAlwaysEvenWhenEveryContainerExited() {
    let pod = F.pod(containers: ["a", "b"], restartPolicy: .always)
    let status = F.status(F.generator(pod, [F.exited("a", exitCode: 0), F.exited("b", exitCode: 1)]))
    #expect(status.phase == .running)
}

@Test func phaseIsRunningForACrashLoopingContainerUnderAlways() {
    let waiting = ["web": WaitingReason(reason: "CrashLoopBackOff", message: "back-off 10s")]
    let status = F.status(F.generator(F.pod(), [F.exited("web", exitCode: 1)], waiting: waiting))
    #expect(status.phase == .running)
}

@Test func phaseIsFailedWhenAnInitContainerFailedUnderNever() {
    let pod = F.pod(initContainers: ["init"], restartPolicy: .never)
    let status = F.status(F.generator(pod, [F.exited("init", exitCode: 1)]))
    #expect(status.phase == .failed)
}

@Test func phaseIsPendingWhileAFailedInitContainerIsRetriedUnderOnFailure() {
    let pod = F.pod(initContainers: ["init"], restartPolicy: .onFailure)
    let waiting = ["init": WaitingReason(reason: "CrashLoopBackOff", message: "")]
    let status = F.status(F.generator(pod, [F.exited("init", exitCode: 1)], waiting: waiting))
    #expect(status.phase == .pending)
}

@Test func phaseIsFailedOnceThePodHasFailedForGood() {
    let status = F.status(F.generator(F.pod(), [F.running("web")], hasFailedForGood: true))
    #expect(status.phase == .failed)
}

@Test func qosClassIsBestEffortWhenNoContainerAsksForAnything() {
    #expect(PodStatusGenerator.qosClass(of: F.pod().spec) == .bestEffort)
}

@Test func qosClassIsGuaranteedWhenEveryContainerLimitsCPUAndMemory() throws {
    var spec = F.pod(containers: ["a", "b"]).spec
    let limits = ["cpu": try Quantity(parsing: "500m"), "memory": try Quantity(parsing: "64Mi")]
    spec.containers[0].resources = ResourceRequirements(limits: limits)
    spec.containers[1].resources = ResourceRequirements(limits: limits, requests: limits)
    #expect(PodStatusGenerator.qosClass(of: spec) == .guaranteed)
}

@Test func qosClassIsBurstableWhenRequestsAreBelowLimits() throws {
    var spec = F.pod().spec
    spec.containers[0].resources = ResourceRequirements(
        limits: ["cpu": try Quantity(parsing: "1"), "memory": try Quantity(parsing: "64Mi")],
        requests: ["cpu": try Quantity(parsing: "100m")])
    #expect(PodStatusGenerator.qosClass(of: spec) == .burstable)
}

@Test func qosClassIsBurstableWhenOnlyOneContainerAsks() throws {
    var spec = F.pod(containers: ["a", "b"]).spec
    spec.containers[0].resources = ResourceRequirements(requests: ["memory": try Quantity(parsing: "10Mi")])
    #expect(PodStatusGenerator.qosClass(of: spec) == .burstable)
}
