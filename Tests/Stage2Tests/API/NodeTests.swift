// Nodes as `kubectl get node -o json` shows them, and Go's zero-value rules for them.

import API
import ClusterKinds
import Testing

/// A node of a kind cluster (Kubernetes 1.30) as `kubectl get node -o json` prints it,
/// without the fields this model leaves out (managedFields, runtimeHandlers, features).
private let kindNode = #"""
    {
        "apiVersion": "v1",
        "kind": "Node",
        "metadata": {
            "annotations": {
                "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///run/containerd/containerd.sock",
                "node.alpha.kubernetes.io/ttl": "0",
                "volumes.kubernetes.io/controller-managed-attach-detach": "true"
            },
            "creationTimestamp": "2024-05-01T10:00:00Z",
            "labels": {
                "beta.kubernetes.io/arch": "amd64",
                "beta.kubernetes.io/os": "linux",
                "kubernetes.io/arch": "amd64",
                "kubernetes.io/hostname": "kind-control-plane",
                "kubernetes.io/os": "linux",
                "node-role.kubernetes.io/control-plane": ""
            },
            "name": "kind-control-plane",
            "resourceVersion": "5812",
            "uid": "3b1c2a53-7f0e-4d6b-9a55-2f0b1d7c9e11"
        },
        "spec": {
            "podCIDR": "10.244.0.0/24",
            "podCIDRs": ["10.244.0.0/24"],
            "providerID": "kind://docker/kind/kind-control-plane",
            "taints": [
                {"effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"}
            ]
        },
        "status": {
            "addresses": [
                {"address": "172.18.0.2", "type": "InternalIP"},
                {"address": "kind-control-plane", "type": "Hostname"}
            ],
            "allocatable": {
                "cpu": "8",
                "ephemeral-storage": "102626232Ki",
                "hugepages-1Gi": "0",
                "hugepages-2Mi": "0",
                "memory": "32768312Ki",
                "pods": "110"
            },
            "capacity": {
                "cpu": "8",
                "ephemeral-storage": "102626232Ki",
                "hugepages-1Gi": "0",
                "hugepages-2Mi": "0",
                "memory": "32768312Ki",
                "pods": "110"
            },
            "conditions": [
                {
                    "lastHeartbeatTime": "2024-05-01T11:02:13Z",
                    "lastTransitionTime": "2024-05-01T10:00:00Z",
                    "message": "kubelet has sufficient memory available",
                    "reason": "KubeletHasSufficientMemory",
                    "status": "False",
                    "type": "MemoryPressure"
                },
                {
                    "lastHeartbeatTime": "2024-05-01T11:02:13Z",
                    "lastTransitionTime": "2024-05-01T10:00:27Z",
                    "message": "kubelet is posting ready status",
                    "reason": "KubeletReady",
                    "status": "True",
                    "type": "Ready"
                }
            ],
            "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
            "images": [
                {
                    "names": ["registry.k8s.io/etcd:3.5.12-0"],
                    "sizeBytes": 57236178
                }
            ],
            "nodeInfo": {
                "architecture": "amd64",
                "bootID": "6a0b8f8e-3c1d-4b5e-8f6a-0d9c1e2f3a4b",
                "containerRuntimeVersion": "containerd://1.7.15",
                "kernelVersion": "6.5.0-28-generic",
                "kubeProxyVersion": "v1.30.0",
                "kubeletVersion": "v1.30.0",
                "machineID": "0c5e3f4d2b1a49c8b7e6d5c4b3a29180",
                "operatingSystem": "linux",
                "osImage": "Debian GNU/Linux 12 (bookworm)",
                "systemUUID": "f2a1b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b"
            }
        }
    }
    """#

@Test func realNodeRoundTripsUnchanged() throws {
    #expect(try roundTrips(Node.self, kindNode))
}

@Test func nodeDecodesKubeletPortFromCapitalisedPortKey() throws {
    let node = try decoded(Node.self, kindNode)
    #expect(node.status.daemonEndpoints.kubeletEndpoint.port == 10250)
}

@Test func nodeDecodesConditionsTaintsAndQuantities() throws {
    let node = try decoded(Node.self, kindNode)
    let ready = node.status.conditions.first { $0.type == .ready }
    #expect(ready?.status == .true)
    #expect(ready?.lastHeartbeatTime.rfc3339 == "2024-05-01T11:02:13Z")
    #expect(node.spec.taints == [Taint(key: "node-role.kubernetes.io/control-plane", effect: .noSchedule)])
    #expect(node.status.allocatable["pods"]?.value == 110)
    #expect(node.status.addresses.first == NodeAddress(type: .internalIP, address: "172.18.0.2"))
}

@Test func freshNodeWritesItsStructFieldsAndTheTenNodeInfoStrings() throws {
    let expected = try jsonValue(#"""
        {"apiVersion": "v1", "kind": "Node", "metadata": {"creationTimestamp": null}, "spec": {},
         "status": {"daemonEndpoints": {"kubeletEndpoint": {"Port": 0}},
                    "nodeInfo": {"architecture": "", "bootID": "", "containerRuntimeVersion": "",
                                 "kernelVersion": "", "kubeProxyVersion": "", "kubeletVersion": "",
                                 "machineID": "", "operatingSystem": "", "osImage": "", "systemUUID": ""}}}
        """#)
    #expect(try encodedValue(Node()) == expected)
}

@Test func nodeConditionWritesUnsetHeartbeatAsNull() throws {
    let condition = NodeCondition(type: .ready, status: .unknown, reason: "NodeStatusUnknown")
    let expected = try jsonValue(#"""
        {"lastHeartbeatTime": null, "lastTransitionTime": null, "reason": "NodeStatusUnknown",
         "status": "Unknown", "type": "Ready"}
        """#)
    #expect(try encodedValue(condition) == expected)
}

@Test func taintWithoutEffectStillWritesEffect() throws {
    #expect(try encodedValue(Taint(key: "dedicated")) == jsonValue(#"{"effect": "", "key": "dedicated"}"#))
}

@Test func unknownTaintEffectIsRejectedWithKubernetesWording() {
    #expect(throws: ManifestError.self) {
        _ = try decoded(Taint.self, #"{"key": "a", "effect": "NoRun"}"#)
    }
}

@Test func nodeListWritesEmptyItemsAsEmptyList() throws {
    #expect(try encodedText(NodeList()) == #"{"apiVersion":"v1","items":[],"kind":"NodeList","metadata":{}}"#)
}
