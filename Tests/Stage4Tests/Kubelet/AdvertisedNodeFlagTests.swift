// Stage 4 · KubeletNodes tests: the three flags, read as the kubelet reads them, and their errors.

import API
import ClusterKinds
import Common
@testable import KubeletNodes
import Testing

/// The message of the error that parsing these values throws, or nil if it parses.
private func parseError(capacity: String = "", labels: String = "", taints: String = "") -> String? {
    do {
        _ = try AdvertisedNode(nodeCapacity: capacity, nodeLabels: labels, registerWithTaints: taints)
        return nil
    } catch {
        return error.description
    }
}

@Suite struct AdvertisedNodeFlagTests {
    @Test func capacityTakesAnyStandardOrQualifiedResourceName() throws {
        let node = try AdvertisedNode(nodeCapacity: "cpu=2,memory=4Gi,pods=110,example.com/gpu=1", nodeLabels: "", registerWithTaints: "")
        #expect(node.capacity == [
            "cpu": Quantity(value: 2), "memory": try Quantity(parsing: "4Gi"), "pods": Quantity(value: 110),
            "example.com/gpu": Quantity(value: 1),
        ])
    }

    @Test func aBadCapacityNamesTheFlagAndThePart() {
        #expect(parseError(capacity: "memory=lots")?.hasPrefix("flag --node-capacity: \"memory=lots\": invalid quantity") == true)
        #expect(parseError(capacity: "gpu=1") == "flag --node-capacity: \"gpu\": must be a standard resource type or fully qualified")
        #expect(parseError(capacity: "cpu") == "flag --node-capacity: \"cpu\": malformed pair, expect string=string")
        #expect(parseError(capacity: "cpu=-1") == "flag --node-capacity: \"cpu=-1\": must be greater than or equal to 0")
    }

    @Test func labelsAreKeyValuePairsCheckedAsKubernetesChecksThem() throws {
        let node = try AdvertisedNode(nodeCapacity: "", nodeLabels: "disk=ssd, zone=a,node.kubernetes.io/pool=gpu", registerWithTaints: "")
        #expect(node.labels == ["disk": "ssd", "zone": "a", "node.kubernetes.io/pool": "gpu"])
        #expect(parseError(labels: "disk") == "flag --node-labels: \"disk\": malformed pair, expect string=string")
        #expect(parseError(labels: "-disk=ssd")?.hasPrefix("flag --node-labels: \"-disk=ssd\": name part must consist of") == true)
        #expect(parseError(labels: "disk=not ok")?.hasPrefix("flag --node-labels: \"disk=not ok\": value \"not ok\": ") == true)
    }

    @Test func kubernetesLabelsAreRefusedUnlessAKubeletMaySetThem() throws {
        #expect(parseError(labels: "node-role.kubernetes.io/worker=") != nil)
        #expect(parseError(labels: "node-role.kubernetes.io/worker=")?.contains("unknown 'kubernetes.io' or 'k8s.io' label") == true)
        #expect(parseError(labels: "topology.kubernetes.io/zone=a") == nil)
        #expect(parseError(labels: "example.k8s.io/x=y") != nil)
    }

    @Test func taintsAreKeyValueColonEffect() throws {
        let node = try AdvertisedNode(nodeCapacity: "", nodeLabels: "", registerWithTaints: "dedicated=gpu:NoSchedule,spot:PreferNoSchedule")
        #expect(node.taints == [
            Taint(key: "dedicated", value: "gpu", effect: .noSchedule), Taint(key: "spot", value: "", effect: .preferNoSchedule),
        ])
        #expect(parseError(taints: "dedicated=gpu:Sometimes")
            == "flag --register-with-taints: \"dedicated=gpu:Sometimes\": invalid taint effect: Sometimes, unsupported taint effect")
        #expect(parseError(taints: "dedicated=gpu")?.hasPrefix("flag --register-with-taints: \"dedicated=gpu\": invalid taint spec") == true)
        #expect(parseError(taints: "a:NoSchedule,a=b:NoSchedule")?.contains("duplicated taints") == true)
    }

    @Test func noFlagsMeanNoAdvertiser() throws {
        let flags = try ParsedFlags([], flags: AdvertisedNode.flags)
        #expect(try AdvertisedNode(flags: flags) == nil)
        let given = try ParsedFlags(["--node-labels", "disk=ssd"], flags: AdvertisedNode.flags)
        #expect(try AdvertisedNode(flags: given)?.labels == ["disk": "ssd"])
    }
}
