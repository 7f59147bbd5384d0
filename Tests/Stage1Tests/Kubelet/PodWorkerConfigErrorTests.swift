// Stage 1 · Kubelet tests: a container whose ConfigMap is missing waits, then starts.
//
// Kubernetes leaves such a container Waiting with reason `CreateContainerConfigError`
// and the manager's message, tries again at every sync, and starts it as soon as the
// ConfigMap exists, with the ConfigMap's value in its environment.

@testable import TestSupport
import API
import CRI
import Testing
@testable import Kubelet

@Test func aMissingConfigMapIsCreateContainerConfigErrorUntilItIsCreated() async throws {
    var spec = PodWorkerFixture.pod()
    spec.spec.containers[0].env = [
        EnvVar(name: "MODE", valueFrom: EnvVarSource(configMapKeyRef: ConfigMapKeySelector(name: "settings", key: "mode"))),
        EnvVar(name: "POD_NAME", valueFrom: EnvVarSource(fieldRef: ObjectFieldSelector(apiVersion: "v1", fieldPath: "metadata.name"))),
    ]
    let pod = spec
    let objects = FakeConfigObjects()
    let runtime = ScriptedRuntime(["web": [.runs]])
    try await withPodWorker(pod, runtime, configObjects: objects) { _, statuses in
        try await eventually("web to wait with CreateContainerConfigError") {
            let waiting = await statuses.containerStatus("web", of: pod)?.state.waiting
            return waiting?.reason == "CreateContainerConfigError" && waiting?.message == #"configmap "settings" not found"#
        }
        #expect(await !runtime.calls.contains(.createContainer("web#0")))
        await objects.add(configMap: "settings", ["mode": "fast"])
        try await eventually("web to run once the ConfigMap exists") {
            await statuses.containerStatus("web", of: pod)?.state.running != nil
        }
        let envs = await runtime.configs["web#0"]?.envs
        #expect(envs == [KeyValue(key: "MODE", value: "fast"), KeyValue(key: "POD_NAME", value: "hello")])
    }
}
