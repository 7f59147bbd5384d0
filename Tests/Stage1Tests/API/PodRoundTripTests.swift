// A pod as `kubectl get pod -o json` prints it decodes, and encodes back to the same
// JSON in every field the model knows.

import API
import Testing
import YAML

/// A running nginx pod as a 1.31 cluster prints it (hand-written, realistic).
let kubectlPodJSON = #"""
{
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {
        "annotations": {"kubernetes.io/config.seen": "2024-05-01T10:00:00.123456789Z"},
        "creationTimestamp": "2024-05-01T10:00:00Z",
        "generateName": "web-7d4b9c8f5-",
        "labels": {"app": "web", "pod-template-hash": "7d4b9c8f5"},
        "name": "web-7d4b9c8f5-x2x7q",
        "namespace": "default",
        "ownerReferences": [
            {
                "apiVersion": "apps/v1",
                "blockOwnerDeletion": true,
                "controller": true,
                "kind": "ReplicaSet",
                "name": "web-7d4b9c8f5",
                "uid": "5d3b0a3e-8f0c-4d8a-9d5e-2f1c3b4a5d6e"
            }
        ],
        "resourceVersion": "48213",
        "uid": "c0ffee00-1234-4abc-9def-0123456789ab"
    },
    "spec": {
        "containers": [
            {
                "args": ["-g", "daemon off;"],
                "env": [{"name": "MODE", "value": "production"}, {"name": "EMPTY"}],
                "image": "nginx:1.27",
                "imagePullPolicy": "IfNotPresent",
                "livenessProbe": {
                    "failureThreshold": 3,
                    "httpGet": {"path": "/healthz", "port": "http", "scheme": "HTTP"},
                    "initialDelaySeconds": 5,
                    "periodSeconds": 10,
                    "successThreshold": 1,
                    "timeoutSeconds": 1
                },
                "name": "nginx",
                "ports": [{"containerPort": 80, "name": "http", "protocol": "TCP"}],
                "readinessProbe": {
                    "failureThreshold": 3,
                    "periodSeconds": 5,
                    "successThreshold": 1,
                    "tcpSocket": {"port": 80},
                    "timeoutSeconds": 1
                },
                "resources": {
                    "limits": {"cpu": "500m", "memory": "128Mi"},
                    "requests": {"cpu": "100m", "memory": "64Mi"}
                },
                "securityContext": {"allowPrivilegeEscalation": false},
                "terminationMessagePath": "/dev/termination-log",
                "terminationMessagePolicy": "File",
                "volumeMounts": [
                    {"mountPath": "/var/cache/nginx", "name": "cache"},
                    {"mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": "kube-api-access-8xk2p", "readOnly": true}
                ]
            },
            {
                "command": ["sh", "-c", "sleep infinity"],
                "image": "busybox:1.36",
                "imagePullPolicy": "IfNotPresent",
                "name": "sidecar",
                "resources": {},
                "terminationMessagePath": "/dev/termination-log",
                "terminationMessagePolicy": "File"
            }
        ],
        "dnsPolicy": "ClusterFirst",
        "enableServiceLinks": true,
        "nodeName": "node-1",
        "preemptionPolicy": "PreemptLowerPriority",
        "priority": 0,
        "restartPolicy": "Always",
        "schedulerName": "default-scheduler",
        "securityContext": {},
        "serviceAccount": "default",
        "serviceAccountName": "default",
        "terminationGracePeriodSeconds": 30,
        "tolerations": [
            {"effect": "NoExecute", "key": "node.kubernetes.io/not-ready", "operator": "Exists", "tolerationSeconds": 300},
            {"effect": "NoExecute", "key": "node.kubernetes.io/unreachable", "operator": "Exists", "tolerationSeconds": 300}
        ],
        "volumes": [
            {"emptyDir": {"sizeLimit": "1Gi"}, "name": "cache"},
            {
                "name": "kube-api-access-8xk2p",
                "projected": {"defaultMode": 420, "sources": [{"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}}]}
            }
        ]
    },
    "status": {
        "conditions": [
            {"lastProbeTime": null, "lastTransitionTime": "2024-05-01T10:00:03Z", "status": "True", "type": "PodReadyToStartContainers"},
            {"lastProbeTime": null, "lastTransitionTime": "2024-05-01T10:00:00Z", "status": "True", "type": "Initialized"},
            {"lastProbeTime": null, "lastTransitionTime": "2024-05-01T10:00:09Z", "status": "True", "type": "Ready"},
            {"lastProbeTime": null, "lastTransitionTime": "2024-05-01T10:00:09Z", "status": "True", "type": "ContainersReady"},
            {"lastProbeTime": null, "lastTransitionTime": "2024-05-01T10:00:00Z", "status": "True", "type": "PodScheduled"}
        ],
        "containerStatuses": [
            {
                "containerID": "containerd://4f1c2b",
                "image": "docker.io/library/nginx:1.27",
                "imageID": "docker.io/library/nginx@sha256:0a1b2c",
                "lastState": {
                    "terminated": {
                        "containerID": "containerd://1a2b3c",
                        "exitCode": 137,
                        "finishedAt": "2024-05-01T10:00:06Z",
                        "reason": "Error",
                        "startedAt": "2024-05-01T10:00:03Z"
                    }
                },
                "name": "nginx",
                "ready": true,
                "restartCount": 1,
                "started": true,
                "state": {"running": {"startedAt": "2024-05-01T10:00:07Z"}},
                "volumeMounts": [{"mountPath": "/var/cache/nginx", "name": "cache"}]
            },
            {
                "containerID": "containerd://9e8d7c",
                "image": "docker.io/library/busybox:1.36",
                "imageID": "docker.io/library/busybox@sha256:9f8e7d",
                "lastState": {},
                "name": "sidecar",
                "ready": true,
                "restartCount": 0,
                "started": true,
                "state": {"running": {"startedAt": "2024-05-01T10:00:04Z"}}
            }
        ],
        "hostIP": "10.0.0.11",
        "hostIPs": [{"ip": "10.0.0.11"}],
        "phase": "Running",
        "podIP": "10.244.1.7",
        "podIPs": [{"ip": "10.244.1.7"}],
        "qosClass": "Burstable",
        "startTime": "2024-05-01T10:00:00Z"
    }
}
"""#

/// The fields of `kubectlPodJSON` the model does not know, dropped when decoding.
let fieldsTheModelDoesNotKnow: [[String]] = [
    ["spec", "volumes", "1", "projected"],
    ["status", "containerStatuses", "0", "volumeMounts"],
]

@Test func kubectlPodDecodesIntoTheModel() throws {
    let pod = try decodeManifest(Pod.self, kubectlPodJSON)
    #expect(pod.metadata.name == "web-7d4b9c8f5-x2x7q")
    #expect(pod.metadata.ownerReferences.first?.controller == true)
    #expect(pod.spec.restartPolicy == .always)
    #expect(pod.spec.containers[0].livenessProbe?.handler.httpGet?.port == .string("http"))
    #expect(pod.spec.containers[0].readinessProbe?.handler.tcpSocket?.port == .int(80))
    #expect(pod.spec.containers[0].resources.limits["memory"]?.value == Int64(134_217_728))
    #expect(pod.spec.volumes[0].source.emptyDir?.sizeLimit == (try Quantity(parsing: "1Gi")))
    #expect(pod.spec.volumes[1].source == VolumeSource())
    #expect(pod.status.phase == .running)
    #expect(pod.status.conditions.first { $0.type == .ready }?.status == .true)
    #expect(pod.status.conditions[0].lastProbeTime.isZero)
    #expect(pod.status.containerStatuses[0].lastState.terminated?.exitCode == 137)
}

@Test func kubectlPodReencodesToTheSameJSONInEveryKnownField() throws {
    let pod = try decodeManifest(Pod.self, kubectlPodJSON)
    var expected = try TestJSON.node(kubectlPodJSON)
    for path in fieldsTheModelDoesNotKnow {
        expected = TestJSON.removing(path, from: expected)
    }
    #expect(try encodedTree(pod) == TestJSON.sorted(expected))
}

@Test func podSurvivesAPIJSONRoundTrip() throws {
    let pod = try decodeManifest(Pod.self, kubectlPodJSON)
    let again = try APIJSON.decode(Pod.self, from: APIJSON.encode(pod, pretty: true))
    #expect(again == pod)
}

@Test func podListEncodesItemsAndListMeta() throws {
    let list = PodList(metadata: ListMeta(resourceVersion: "7"), items: [Pod(metadata: ObjectMeta(name: "a"))])
    let expected = try TestJSON.node(#"""
        {"apiVersion": "v1", "kind": "PodList", "metadata": {"resourceVersion": "7"},
         "items": [{"apiVersion": "v1", "kind": "Pod",
                    "metadata": {"name": "a", "creationTimestamp": null},
                    "spec": {"containers": []}, "status": {}}]}
        """#)
    #expect(try encodedTree(list) == TestJSON.sorted(expected))
}
