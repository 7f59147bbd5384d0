// The checks of env sources and file volumes, in Kubernetes' words, all reported at once.

import API
import Testing

@Test func envSourcesAndFileVolumesAreValidatedAsKubernetesDoes() {
    var pod = Pod(metadata: ObjectMeta(name: "web"))
    pod.spec.containers = [Container(name: "app", image: "busybox", envFrom: [EnvFromSource()], env: [
        EnvVar(name: "A", value: "x", valueFrom: EnvVarSource(fieldRef: ObjectFieldSelector(fieldPath: "spec.hostname"))),
        EnvVar(name: "B", valueFrom: EnvVarSource()),
        EnvVar(name: "C", valueFrom: EnvVarSource(resourceFieldRef: ResourceFieldSelector(resource: "limits.gpu"),
                                                  configMapKeyRef: ConfigMapKeySelector(name: "settings", key: "bad key"))),
        EnvVar(name: "D", valueFrom: EnvVarSource(fieldRef: ObjectFieldSelector(fieldPath: "metadata.labels['app']"))),
    ])]
    pod.spec.volumes = [
        Volume(name: "c", source: VolumeSource(configMap: ConfigMapVolumeSource(items: [KeyToPath(key: "k", path: "../escape")]))),
        Volume(name: "d", source: VolumeSource(downwardAPI: DownwardAPIVolumeSource(items: [
            DownwardAPIVolumeFile(path: "ip", fieldRef: ObjectFieldSelector(fieldPath: "status.podIP")),
        ]))),
        Volume(name: "two", source: VolumeSource(emptyDir: EmptyDirVolumeSource(), secret: SecretVolumeSource(secretName: "s"))),
    ]
    pod.applyDefaults()
    #expect(PodValidation.validate(pod).map(\.description) == [
        #"spec.volumes[0].configMap.name: Required value"#,
        #"spec.volumes[0].configMap.items[0].path: Invalid value: "../escape": must not contain '..'"#,
        #"spec.volumes[1].downwardAPI.items[0].fieldRef.fieldPath: Unsupported value: "status.podIP": supported values: "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid""#,
        #"spec.volumes[2]: Forbidden: may not specify more than 1 volume type"#,
        #"spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty"#,
        #"spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "spec.hostname": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs""#,
        #"spec.containers[0].env[1].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"#,
        #"spec.containers[0].env[2].valueFrom: Invalid value: "": may not have more than one field specified at a time"#,
        #"spec.containers[0].env[2].valueFrom.resourceFieldRef.resource: Unsupported value: "limits.gpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory""#,
        #"spec.containers[0].env[2].valueFrom.configMapKeyRef.key: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"#,
        #"spec.containers[0].envFrom[0]: Invalid value: "": must specify one of: `configMapRef` or `secretRef`"#,
    ])
}

@Test func aSubPathMustStayInsideItsVolume() {
    var pod = Pod(metadata: ObjectMeta(name: "web"))
    pod.spec.volumes = [Volume(name: "data", source: VolumeSource(emptyDir: EmptyDirVolumeSource()))]
    pod.spec.containers = [Container(name: "app", image: "busybox", volumeMounts: [
        VolumeMount(name: "data", mountPath: "/a", subPath: "/etc"),
        VolumeMount(name: "data", mountPath: "/b", subPath: "logs/../../etc"),
        VolumeMount(name: "data", mountPath: "/c", subPath: "logs/web"),
    ])]
    pod.applyDefaults()
    #expect(PodValidation.validate(pod).map(\.description) == [
        #"spec.containers[0].volumeMounts[0].subPath: Invalid value: "/etc": must be a relative path"#,
        #"spec.containers[0].volumeMounts[1].subPath: Invalid value: "logs/../../etc": must not contain '..'"#,
    ])
}
