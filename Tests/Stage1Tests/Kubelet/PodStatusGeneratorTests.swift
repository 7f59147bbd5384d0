// Stage 1 · Kubelet tests: container statuses and pod conditions, as Kubernetes writes them.
//
// `kubectl get pod -o yaml` shows these fields; learners compare them with a real
// cluster's, so the reasons and messages must be Kubernetes' own words.

import API
import CRI
import Foundation
import Testing
@testable import Kubelet

private typealias F = KubeletFixtures

@Test func runningContainerIsStartedAndReadyWithoutAReadinessProbe() {
    let web = F.status(F.generator(F.pod(), [F.running("web")])).containerStatuses[0]
    #expect(web.state.running?.startedAt == Time(F.start))
    #expect(web.started == true)
    #expect(web.ready)
    #expect(web.containerID == "process://web-0")
}

@Test func containerWithAReadinessProbeIsNotReadyUntilTheProbePasses() {
    var pod = F.pod()
    pod.spec.containers[0].readinessProbe = Probe(handler: ProbeHandler(exec: ExecAction(command: ["true"])))
    let before = F.status(F.generator(pod, [F.running("web")])).containerStatuses[0]
    let passed = ["web": ProbeResults(containerID: "web-0", isReady: true)]
    let after = F.status(F.generator(pod, [F.running("web")], probeResults: passed)).containerStatuses[0]
    #expect(!before.ready)
    #expect(after.ready)
}

@Test func crashLoopingContainerWaitsWithItsLastRunAsLastState() {
    let waiting = ["web": WaitingReason(reason: "CrashLoopBackOff", message: "back-off 20s restarting failed container")]
    let web = F.status(F.generator(F.pod(), [F.exited("web", exitCode: 3, attempt: 2)], waiting: waiting)).containerStatuses[0]
    #expect(web.state.waiting == ContainerStateWaiting(reason: "CrashLoopBackOff", message: "back-off 20s restarting failed container"))
    #expect(web.state.terminated == nil)
    #expect(web.lastState.terminated?.exitCode == 3)
    #expect(web.lastState.terminated?.reason == "Error")
    #expect(web.lastState.terminated?.containerID == "process://web-2")
    #expect(web.restartCount == 2)
    #expect(!web.ready)
}

@Test func exitedContainerShowsHowItTerminated() {
    let web = F.status(F.generator(F.pod(restartPolicy: .never), [F.exited("web", exitCode: 0)])).containerStatuses[0]
    #expect(web.state.terminated?.reason == "Completed")
    #expect(web.state.terminated?.exitCode == 0)
    #expect(web.state.terminated?.finishedAt == Time(F.start.addingTimeInterval(5)))
    #expect(web.started == false)
}

@Test func restartedContainerShowsThePreviousAttemptAsLastState() {
    let previous = F.runtimeStatus("web", state: .exited, exitCode: 137, attempt: 0)
    let web = F.status(F.generator(F.pod(), [F.running("web", attempt: 1, previous: previous)])).containerStatuses[0]
    #expect(web.state.running != nil)
    #expect(web.lastState.terminated?.exitCode == 137)
    #expect(web.restartCount == 1)
}

@Test func readyConditionsAreFalseWithKubernetesReasonAndMessage() {
    let pod = F.pod(containers: ["web", "side"])
    let status = F.status(F.generator(pod, [F.exited("web", exitCode: 1), F.exited("side", exitCode: 1)]))
    for type in [PodConditionType.ready, .containersReady] {
        let condition = status.condition(type)
        #expect(condition?.status == .false)
        #expect(condition?.reason == "ContainersNotReady")
        #expect(condition?.message == "containers with unready status: [web side]")
    }
}

@Test func readyConditionsAreTrueWhenEveryContainerIsReady() {
    let status = F.status(F.generator(F.pod(), [F.running("web")]))
    #expect(status.condition(.ready)?.status == .true)
    #expect(status.condition(.containersReady)?.status == .true)
    #expect(status.condition(.ready)?.reason == "")
    #expect(status.condition(.ready)?.message == "")
}

@Test func initializedIsFalseWhileAnInitContainerIsIncomplete() {
    let pod = F.pod(initContainers: ["init"])
    let initialized = F.status(F.generator(pod, [F.running("init")])).condition(.initialized)
    #expect(initialized?.status == .false)
    #expect(initialized?.reason == "ContainersNotInitialized")
    #expect(initialized?.message == "containers with incomplete status: [init]")
}

@Test func initializedIsTrueOnceEveryInitContainerSucceeded() {
    let pod = F.pod(initContainers: ["a", "b"])
    let status = F.status(F.generator(pod, [F.exited("a", exitCode: 0), F.exited("b", exitCode: 0), F.running("web")]))
    #expect(status.condition(.initialized)?.status == .true)
}

@Test func succeededPodIsNotReadyBecauseItCompleted() {
    let status = F.status(F.generator(F.pod(restartPolicy: .never), [F.exited("web", exitCode: 0)]))
    let ready = status.condition(.ready)
    #expect(ready?.status == .false)
    #expect(ready?.reason == "PodCompleted")
    #expect(ready?.message == "")
    #expect(status.condition(.initialized)?.reason == "PodCompleted")
}

@Test func failedPodIsNotReadyBecauseItFailed() {
    let status = F.status(F.generator(F.pod(restartPolicy: .never), [F.exited("web", exitCode: 1)]))
    for type in [PodConditionType.ready, .containersReady] {
        let condition = status.condition(type)
        #expect(condition?.status == .false)
        #expect(condition?.reason == "PodFailed")
        #expect(condition?.message == "")
    }
}

@Test func conditionsAreListedInKubernetesOrder() {
    let types = F.status(F.generator(F.pod(), [F.running("web")])).conditions.map(\.type)
    #expect(types == [.podReadyToStartContainers, .initialized, .ready, .containersReady, .podScheduled])
}

@Test func lastTransitionTimeIsKeptWhenTheStatusDidNotChange() {
    let generator = F.generator(F.pod(), [F.running("web")])
    let first = generator.status(previous: nil, now: Time(F.start))
    let later = generator.status(previous: first, now: Time(F.start.addingTimeInterval(60)))
    #expect(later.condition(.ready)?.lastTransitionTime == Time(F.start))
    #expect(later.condition(.podScheduled)?.lastTransitionTime == Time(F.start))
}

@Test func lastTransitionTimeMovesWhenTheStatusChanges() {
    let first = F.generator(F.pod(), [F.running("web")]).status(previous: nil, now: Time(F.start))
    let crashedAt = Time(F.start.addingTimeInterval(60))
    let crashed = F.generator(F.pod(), [F.exited("web", exitCode: 1)]).status(previous: first, now: crashedAt)
    #expect(crashed.condition(.ready)?.lastTransitionTime == crashedAt)
    #expect(crashed.condition(.podScheduled)?.lastTransitionTime == Time(F.start))
}

@Test func podSharesTheNodesAddressAndQoSClass() {
    let status = F.status(F.generator(F.pod(), [F.running("web")]))
    #expect(status.podIP == "127.0.0.1")
    #expect(status.podIPs == [PodIP(ip: "127.0.0.1")])
    #expect(status.hostIP == "127.0.0.1")
    #expect(status.qosClass == .bestEffort)
    #expect(status.startTime == Time(F.start))
}

@Test func podWhoseSandboxFailedShowsWhyAndIsNotReadyToStartContainers() {
    let waiting = ["*sandbox*": WaitingReason(reason: "CreatePodSandboxError", message: "no space left")]
    let status = F.status(F.generator(F.pod(), waiting: waiting))
    #expect(status.message == "no space left")
    #expect(status.podIP == "")
    #expect(status.condition(.podReadyToStartContainers)?.status == .false)
}
