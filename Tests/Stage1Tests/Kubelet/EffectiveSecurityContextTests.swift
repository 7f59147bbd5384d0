// Stage 1 · Kubelet tests: who a container runs as, and the non-root rule in Kubernetes' words.

@testable import TestSupport
import API
import CRI
import Testing
@testable import Kubelet

private func pod(pod podContext: PodSecurityContext?, container own: SecurityContext?) -> (Pod, Container) {
    var pod = PodWorkerFixture.pod()
    pod.metadata.uid = "1234"
    pod.spec.securityContext = podContext
    pod.spec.containers[0].securityContext = own
    return (pod, pod.spec.containers[0])
}

@Test func theContainersSecurityContextWinsOverThePodsFieldByField() {
    var podContext = PodSecurityContext()
    podContext.runAsUser = 1000
    podContext.runAsGroup = 2000
    var own = SecurityContext()
    own.runAsUser = 3000
    let (pod, container) = pod(pod: podContext, container: own)
    let effective = EffectiveSecurityContext(pod: pod, container: container)
    #expect(effective.linux == LinuxContainerConfig(securityContext: LinuxContainerSecurityContext(runAsUser: 3000, runAsGroup: 2000)))
}

@Test func runAsNonRootWithRunAsUserZeroIsRefusedInKubernetesWords() {
    var own = SecurityContext()
    own.runAsNonRoot = true
    own.runAsUser = 0
    let (pod, container) = pod(pod: nil, container: own)
    #expect {
        try EffectiveSecurityContext(pod: pod, container: container).verifyRunAsNonRoot(pod: pod, container: container, image: nil)
    } throws: { error in
        "\(error)" == #"container's runAsUser breaks non-root policy (pod: "hello_default(1234)", container: web)"#
    }
}

@Test func runAsNonRootWithoutAUserIsRefusedWhenTheImageRunsAsRoot() throws {
    var podContext = PodSecurityContext()
    podContext.runAsNonRoot = true
    let (pod, container) = pod(pod: podContext, container: nil)
    let effective = EffectiveSecurityContext(pod: pod, container: container)
    #expect {
        try effective.verifyRunAsNonRoot(pod: pod, container: container, image: Image(id: "busybox", uid: 0))
    } throws: { error in
        "\(error)" == #"container has runAsNonRoot and image will run as root (pod: "hello_default(1234)", container: web)"#
    }
    try effective.verifyRunAsNonRoot(pod: pod, container: container, image: Image(id: "busybox", uid: 1000))
}

@Test func aContainerThatBreaksTheNonRootRuleWaitsWithCreateContainerConfigError() async throws {
    var spec = PodWorkerFixture.pod()
    var context = SecurityContext()
    context.runAsNonRoot = true
    context.runAsUser = 0
    spec.spec.containers[0].securityContext = context
    let pod = spec
    let runtime = ScriptedRuntime(["web": [.runs]])
    try await withPodWorker(pod, runtime) { _, statuses in
        try await eventually("web to wait with CreateContainerConfigError") {
            let waiting = await statuses.containerStatus("web", of: pod)?.state.waiting
            return waiting?.reason == "CreateContainerConfigError"
                && waiting?.message.hasPrefix("container's runAsUser breaks non-root policy") == true
        }
        #expect(await !runtime.calls.contains(.createContainer("web#0")))
    }
}

@Test func theUserAndGroupReachTheRuntimeInTheContainersConfig() async throws {
    var spec = PodWorkerFixture.pod()
    var context = PodSecurityContext()
    context.runAsUser = 1000
    context.runAsGroup = 3000
    spec.spec.securityContext = context
    let pod = spec
    let runtime = ScriptedRuntime(["web": [.runs]])
    try await withPodWorker(pod, runtime) { _, statuses in
        try await eventually("web to run") { await statuses.containerStatus("web", of: pod)?.state.running != nil }
        #expect(await runtime.configs["web#0"]?.linux?.securityContext == LinuxContainerSecurityContext(runAsUser: 1000, runAsGroup: 3000))
    }
}
