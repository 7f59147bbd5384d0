// Stage 1 · API tests: the defaults Kubernetes fills into a pod that leaves fields out.

import API
import Testing

/// A pod with one container running `image`, defaulted.
private func defaulted(image: String = "busybox", _ change: (inout Pod) -> Void = { _ in }) -> Pod {
    var pod = Pod(metadata: ObjectMeta(name: "hello"), spec: PodSpec(containers: [Container(name: "web", image: image)]))
    change(&pod)
    pod.applyDefaults()
    return pod
}

@Test func podDefaultsToRestartAlwaysAndAThirtySecondGracePeriod() {
    let spec = defaulted().spec
    #expect(spec.restartPolicy == .always)
    #expect(spec.terminationGracePeriodSeconds == 30)
    #expect(spec.dnsPolicy == .clusterFirst)
    #expect(spec.schedulerName == "default-scheduler")
    #expect(spec.enableServiceLinks == true)
}

@Test func podDefaultsKeepWhatTheManifestSays() {
    let spec = defaulted { $0.spec.restartPolicy = .never; $0.spec.terminationGracePeriodSeconds = 0 }.spec
    #expect(spec.restartPolicy == .never)
    #expect(spec.terminationGracePeriodSeconds == 0)
}

@Test func podWithoutKindOrVersionBecomesAV1Pod() {
    let pod = defaulted { $0.apiVersion = ""; $0.kind = "" }
    #expect(pod.apiVersion == "v1")
    #expect(pod.kind == "Pod")
}

@Test(arguments: [
    ("busybox", PullPolicy.always), ("busybox:latest", .always), ("busybox:1.36", .ifNotPresent),
    ("registry.local:5000/busybox", .always), ("registry.local:5000/busybox:1.36", .ifNotPresent),
    ("busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", .ifNotPresent),
])
func imagePullPolicyFollowsTheImageTag(image: String, expected: PullPolicy) {
    #expect(defaulted(image: image).spec.containers[0].imagePullPolicy == expected)
}

@Test func containerDefaultsItsTerminationMessage() {
    let container = defaulted().spec.containers[0]
    #expect(container.terminationMessagePath == "/dev/termination-log")
    #expect(container.terminationMessagePolicy == .file)
}

@Test func portWithoutProtocolIsTCP() {
    let pod = defaulted {
        $0.spec.containers[0].ports = [ContainerPort(containerPort: 80), ContainerPort(containerPort: 53, protocol: .udp)]
    }
    #expect(pod.spec.containers[0].ports.map(\.protocol) == [.tcp, .udp])
}

@Test func probeGetsKubernetesTimingsAndHTTPDefaults() {
    let pod = defaulted {
        $0.spec.containers[0].livenessProbe = Probe(handler: ProbeHandler(httpGet: HTTPGetAction(port: 8080)))
        $0.spec.containers[0].readinessProbe = Probe(handler: ProbeHandler(exec: ExecAction(command: ["true"])), periodSeconds: 2)
    }
    let liveness = pod.spec.containers[0].livenessProbe
    #expect(liveness?.timeoutSeconds == 1)
    #expect(liveness?.periodSeconds == 10)
    #expect(liveness?.successThreshold == 1)
    #expect(liveness?.failureThreshold == 3)
    #expect(liveness?.handler.httpGet?.path == "/")
    #expect(liveness?.handler.httpGet?.scheme == .http)
    #expect(pod.spec.containers[0].readinessProbe?.periodSeconds == 2)
}

@Test func initContainersAreDefaultedToo() {
    let pod = defaulted { $0.spec.initContainers = [Container(name: "init", image: "busybox:1.36")] }
    #expect(pod.spec.initContainers[0].imagePullPolicy == .ifNotPresent)
}

@Test func volumeWithNoSourceBecomesAnEmptyDir() {
    let pod = defaulted { $0.spec.volumes = [Volume(name: "scratch"), Volume(name: "host", source: VolumeSource(hostPath: HostPathVolumeSource(path: "/tmp")))] }
    #expect(pod.spec.volumes[0].source == VolumeSource(emptyDir: EmptyDirVolumeSource()))
    #expect(pod.spec.volumes[1].source.emptyDir == nil)
    #expect(pod.spec.volumes[1].source.hostPath?.type == .unset)
}
