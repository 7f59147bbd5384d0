// Stage 1 · Kubelet tests: a container's environment as Kubernetes' kubelet makes it.
//
// envFrom first, then env overriding it; `$(NAME)` expanded against what came before;
// the downward API from the pod; ConfigMap and Secret keys through the manager, with
// Kubernetes' messages when one is missing and `optional` skipping it.

import API
import CRI
import Testing
@testable import Kubelet

private func environment(_ pod: Pod, _ objects: any ConfigObjectManager) -> ContainerEnvironment {
    ContainerEnvironment(pod: pod, downwardAPI: DownwardAPI(pod: pod, hostIP: "10.0.0.5", podIP: "10.1.2.3"),
                         configObjects: objects)
}

private func pod(_ container: Container) -> Pod {
    var pod = Pod(metadata: ObjectMeta(name: "web", namespace: "shop", uid: "uid-1", labels: ["app": "shop"]))
    pod.spec.nodeName = "node1"
    pod.spec.containers = [container]
    return pod
}

@Test func envFromComesFirstAndEnvOverridesIt() async throws {
    let objects = FakeConfigObjects(configMaps: ["settings": ["mode": "fast", "size": "3"]],
                                    secrets: ["creds": ["password": "s3cr3t"]])
    let container = Container(name: "app", envFrom: [
        EnvFromSource(prefix: "CFG_", configMapRef: ConfigMapEnvSource(name: "settings")),
        EnvFromSource(secretRef: SecretEnvSource(name: "creds")),
    ], env: [
        EnvVar(name: "CFG_mode", value: "slow"),
        EnvVar(name: "URL", value: "http://$(POD_IP):$(CFG_size)/$(UNSET)/$$(POD_IP)"),
        EnvVar(name: "POD_IP", valueFrom: EnvVarSource(fieldRef: ObjectFieldSelector(fieldPath: "status.podIP"))),
        EnvVar(name: "MODE", valueFrom: EnvVarSource(configMapKeyRef: ConfigMapKeySelector(name: "settings", key: "mode"))),
        EnvVar(name: "PASSWORD", valueFrom: EnvVarSource(secretKeyRef: SecretKeySelector(name: "creds", key: "password"))),
    ])
    let variables = try await environment(pod(container), objects).variables(for: container)
    #expect(variables == [
        KeyValue(key: "CFG_mode", value: "slow"), KeyValue(key: "CFG_size", value: "3"),
        KeyValue(key: "password", value: "s3cr3t"),
        // POD_IP is defined after URL, so URL cannot see it: left as written, as in Kubernetes.
        KeyValue(key: "URL", value: "http://$(POD_IP):3/$(UNSET)/$(POD_IP)"),
        KeyValue(key: "POD_IP", value: "10.1.2.3"), KeyValue(key: "MODE", value: "fast"),
        KeyValue(key: "PASSWORD", value: "s3cr3t"),
    ])
}

@Test func downwardAPIGivesThePodsFieldsAndResources() throws {
    var container = Container(name: "app")
    container.resources = ResourceRequirements(limits: ["memory": try Quantity(parsing: "64Mi"), "cpu": try Quantity(parsing: "500m")],
                                               requests: ["cpu": try Quantity(parsing: "250m")])
    var subject = pod(container)
    subject.spec.serviceAccountName = "builder"
    subject.metadata.annotations = ["note": "a \"b\""]
    let api = DownwardAPI(pod: subject, hostIP: "10.0.0.5", podIP: "10.1.2.3", allocatable: ["memory": Quantity(value: 1 << 30)])
    func field(_ path: String) throws -> String { try api.value(of: ObjectFieldSelector(apiVersion: "v1", fieldPath: path)) }
    #expect(try field("metadata.name") == "web" && field("metadata.namespace") == "shop" && field("metadata.uid") == "uid-1")
    #expect(try field("metadata.labels['app']") == "shop" && field("metadata.labels['none']") == "")
    #expect(try field("metadata.annotations") == #"note="a \"b\"""#)
    #expect(try field("spec.nodeName") == "node1" && field("spec.serviceAccountName") == "builder")
    #expect(try field("status.podIP") == "10.1.2.3" && field("status.hostIP") == "10.0.0.5")
    #expect(throws: KubeletError.self) { try field("spec.hostname") }

    func resource(_ name: String, _ divisor: String = "0") throws -> String {
        try api.value(of: ResourceFieldSelector(resource: name, divisor: try Quantity(parsing: divisor)), for: container)
    }
    #expect(try resource("limits.memory") == "67108864" && resource("limits.memory", "1Mi") == "64")
    #expect(try resource("limits.cpu") == "1" && resource("limits.cpu", "1m") == "500")
    #expect(try resource("requests.cpu", "1m") == "250" && resource("requests.memory") == "0")
    var unlimited = container
    unlimited.resources.limits = [:]
    #expect(try api.value(of: ResourceFieldSelector(resource: "limits.memory", divisor: try Quantity(parsing: "1Mi")), for: unlimited) == "1024")
}

@Test func aMissingConfigMapOrKeyIsKubernetesErrorUnlessOptional() async throws {
    let objects = FakeConfigObjects(configMaps: ["settings": ["mode": "fast"]])
    func message(_ env: [EnvVar], envFrom: [EnvFromSource] = []) async -> String? {
        let container = Container(name: "app", envFrom: envFrom, env: env)
        do {
            _ = try await environment(pod(container), objects).variables(for: container)
            return nil
        } catch {
            return "\(error)"
        }
    }
    func key(_ name: String, _ key: String, optional: Bool? = nil) -> EnvVar {
        EnvVar(name: "X", valueFrom: EnvVarSource(configMapKeyRef: ConfigMapKeySelector(name: name, key: key, optional: optional)))
    }
    #expect(await message([key("other", "mode")]) == #"configmap "other" not found"#)
    #expect(await message([key("settings", "size")]) == "couldn't find key size in ConfigMap shop/settings")
    #expect(await message([EnvVar(name: "X", valueFrom: EnvVarSource(secretKeyRef: SecretKeySelector(name: "db", key: "k")))])
        == #"secret "db" not found"#)
    #expect(await message([], envFrom: [EnvFromSource(configMapRef: ConfigMapEnvSource(name: "other"))]) == #"configmap "other" not found"#)
    #expect(await message([key("other", "mode", optional: true), key("settings", "size", optional: true)],
                          envFrom: [EnvFromSource(configMapRef: ConfigMapEnvSource(name: "other", optional: true))]) == nil)

    let standalone = Container(name: "app", env: [key("settings", "mode", optional: true)])
    await #expect(throws: ConfigObjectError.unavailable("couldn't get configMap shop/settings, no kubeClient defined")) {
        _ = try await environment(pod(standalone), StandaloneConfigObjects()).variables(for: standalone)
    }
}

@Test func expansionFollowsKubernetesRules() {
    let values = ["A": "1", "B": "two"]
    func expand(_ text: String) -> String { EnvExpansion.expand(text, with: { values[$0] }) }
    #expect(expand("$(A)-$(B)") == "1-two")
    #expect(expand("$(C)") == "$(C)")
    #expect(expand("$$(A)") == "$(A)")
    #expect(expand("$A $") == "$A $")
    #expect(expand("$(A") == "$(A")
    #expect(expand("cost: $$5") == "cost: $5")
}

@Test func aStaticPodMayNotReferToAPIObjects() {
    var subject = pod(Container(name: "app"))
    #expect(subject.apiObjectReference == nil)
    subject.spec.volumes = [Volume(name: "c", source: VolumeSource(configMap: ConfigMapVolumeSource(name: "settings")))]
    #expect(subject.apiObjectReference == "configmaps")
    subject.spec.containers[0].env = [EnvVar(name: "P", valueFrom: EnvVarSource(secretKeyRef: SecretKeySelector(name: "db", key: "p")))]
    #expect(subject.apiObjectReference == "secrets")
    subject.spec.serviceAccountName = "builder"
    #expect(subject.apiObjectReference == "serviceaccounts")
    subject.spec = PodSpec(containers: [Container(name: "app", env: [
        EnvVar(name: "N", valueFrom: EnvVarSource(fieldRef: ObjectFieldSelector(fieldPath: "metadata.name"))),
    ])])
    #expect(subject.apiObjectReference == nil)
}
