// Env sources (valueFrom, envFrom) and the configMap, secret and downwardAPI volume
// sources, as `kubectl get pod -o json` prints them: they decode, keep every field, and
// the API's defaults (fieldRef apiVersion v1, defaultMode 420) are Kubernetes' own.

import API
import Foundation
import Testing

/// A container's env and envFrom, with every source, as a 1.31 cluster prints them.
let kubectlEnvJSON = #"""
{"name": "app", "image": "busybox",
 "envFrom": [{"configMapRef": {"name": "settings"}, "prefix": "CFG_"},
             {"secretRef": {"name": "creds", "optional": true}}],
 "env": [
   {"name": "POD_NAME", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.name"}}},
   {"name": "MEMORY", "valueFrom": {"resourceFieldRef": {"containerName": "app", "divisor": "1Mi", "resource": "limits.memory"}}},
   {"name": "CPU", "valueFrom": {"resourceFieldRef": {"divisor": "0", "resource": "requests.cpu"}}},
   {"name": "MODE", "valueFrom": {"configMapKeyRef": {"key": "mode", "name": "settings", "optional": false}}},
   {"name": "PASSWORD", "valueFrom": {"secretKeyRef": {"key": "password", "name": "creds"}}},
   {"name": "PLAIN", "value": "x-$(POD_NAME)"}
 ],
 "resources": {}}
"""#

/// The three file-writing volume sources, defaulted, as a cluster prints them.
let kubectlFileVolumesJSON = #"""
[{"name": "config", "configMap": {"defaultMode": 420, "items": [{"key": "app.conf", "path": "conf/app.conf", "mode": 256}], "name": "settings", "optional": true}},
 {"name": "creds", "secret": {"defaultMode": 420, "secretName": "creds"}},
 {"name": "podinfo", "downwardAPI": {"defaultMode": 420, "items": [
    {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.labels"}, "path": "labels"},
    {"path": "cpu", "resourceFieldRef": {"containerName": "app", "divisor": "1m", "resource": "limits.cpu"}}]}}]
"""#

@Test func envSourcesRoundTripAsKubectlPrintsThem() throws {
    let container = try decodeManifest(Container.self, kubectlEnvJSON)
    #expect(container.envFrom.count == 2)
    #expect(container.envFrom[0].prefix == "CFG_" && container.envFrom[0].configMapRef?.name == "settings")
    #expect(container.envFrom[1].secretRef?.optional == true)
    #expect(container.env[0].valueFrom?.fieldRef?.fieldPath == "metadata.name")
    #expect(container.env[1].valueFrom?.resourceFieldRef?.divisor == Quantity(value: 1 << 20))
    #expect(container.env[3].valueFrom?.configMapKeyRef?.optional == false)
    #expect(container.env[4].valueFrom?.secretKeyRef?.key == "password")
    #expect(try encodedTree(container) == TestJSON.sorted(try TestJSON.node(kubectlEnvJSON)))
}

@Test func fileVolumeSourcesRoundTripAsKubectlPrintsThem() throws {
    let volumes = try decodeManifest([Volume].self, kubectlFileVolumesJSON)
    #expect(volumes[0].source.configMap?.items == [KeyToPath(key: "app.conf", path: "conf/app.conf", mode: 0o400)])
    #expect(volumes[1].source.secret?.secretName == "creds")
    #expect(volumes[2].source.downwardAPI?.items[1].resourceFieldRef?.resource == "limits.cpu")
    #expect(volumes.allSatisfy { $0.source.emptyDir == nil })
    #expect(try encodedTree(volumes) == TestJSON.sorted(try TestJSON.node(kubectlFileVolumesJSON)))
}

@Test func resourceFieldRefWritesAnUnsetDivisorAsZeroAsGoDoes() throws {
    let selector = ResourceFieldSelector(resource: "limits.memory")
    let text = String(decoding: try APIJSON.encode(selector), as: UTF8.self)
    #expect(text == #"{"divisor":"0","resource":"limits.memory"}"#)
}

@Test func defaultsFillFieldRefVersionAndFileModes() throws {
    var pod = Pod()
    pod.spec.containers = [Container(name: "app", image: "busybox", env: [
        EnvVar(name: "NAME", valueFrom: EnvVarSource(fieldRef: ObjectFieldSelector(fieldPath: "metadata.name"))),
    ])]
    pod.spec.volumes = [
        Volume(name: "c", source: VolumeSource(configMap: ConfigMapVolumeSource(name: "settings"))),
        Volume(name: "s", source: VolumeSource(secret: SecretVolumeSource(secretName: "creds", defaultMode: 0o400))),
        Volume(name: "d", source: VolumeSource(downwardAPI: DownwardAPIVolumeSource(items: [
            DownwardAPIVolumeFile(path: "name", fieldRef: ObjectFieldSelector(fieldPath: "metadata.name")),
        ]))),
    ]
    pod.applyDefaults()
    #expect(pod.spec.containers[0].env[0].valueFrom?.fieldRef?.apiVersion == "v1")
    #expect(pod.spec.volumes[0].source.configMap?.defaultMode == 420)
    #expect(pod.spec.volumes[1].source.secret?.defaultMode == 0o400)
    #expect(pod.spec.volumes[2].source.downwardAPI?.defaultMode == 420)
    #expect(pod.spec.volumes[2].source.downwardAPI?.items[0].fieldRef?.apiVersion == "v1")
    #expect(pod.spec.volumes[0].source.emptyDir == nil)
}
