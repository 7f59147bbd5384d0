// Stage 4 · KubeletNodes tests: the advertised node through stage 2's reporter, against a real API server.
//
// What matters is what survives: the advertised capacity on every status write, and
// whatever an administrator changed (labels, taints, cordon) across the kubelet's next
// heartbeat and its restart, as `kubectl label`, `kubectl taint` and `kubectl cordon` do it.

import API
import APIMachinery
import Client
import ClusterKinds
import Common
@testable import Kubelet
@testable import KubeletAPI
@testable import KubeletNodes
import Testing
@testable import TestSupport

private let machine = MachineInfo(numCores: 8, memoryCapacity: 16 * 1024 * 1024 * 1024, machineID: "m1", bootID: "b1")

private func reporter(_ client: APIClient, _ advertised: AdvertisedNode?) -> NodeStatusReporter {
    var reporter = NodeStatusReporter(client: client, nodeName: "node1", kubeletPort: 10255, machine: machine, logger: .silent)
    reporter.advertiser = advertised
    return reporter
}

private let advertised = try! AdvertisedNode(
    nodeCapacity: "cpu=2,memory=4Gi,example.com/gpu=1", nodeLabels: "disk=ssd,zone=a", registerWithTaints: "dedicated=gpu:NoSchedule")

@Suite struct AdvertisedNodeReporterTests {
    @Test func aRegisteredNodeAdvertisesTheChosenCapacityLabelsAndTaints() async throws {
        try await withLeaseAPIServer { client in
            try await reporter(client, advertised).register()
            let node = try await client.get(Node.self, name: "node1")
            #expect(node.status.capacity["cpu"] == Quantity(value: 2))
            #expect(node.status.capacity["memory"] == (try Quantity(parsing: "4Gi")))
            #expect(node.status.capacity["example.com/gpu"] == Quantity(value: 1))
            #expect(node.status.capacity["pods"] == Quantity(value: Int64(KubeletConfiguration.Defaults.podCapacity)))
            #expect(node.status.allocatable == node.status.capacity)
            #expect(node.metadata.labels["disk"] == "ssd")
            #expect(node.metadata.labels["kubernetes.io/hostname"] == "node1")
            #expect(node.spec.taints == [Taint(key: "dedicated", value: "gpu", effect: .noSchedule)])
        }
    }

    @Test func withoutAnAdvertiserTheNodeReportsTheMachine() async throws {
        try await withLeaseAPIServer { client in
            try await reporter(client, nil).register()
            let node = try await client.get(Node.self, name: "node1")
            #expect(node.status.capacity["cpu"] == Quantity(value: 8))
            #expect(node.metadata.labels["disk"] == nil)
            #expect(node.spec.taints.isEmpty)
        }
    }

    @Test func whatAnAdministratorChangedSurvivesTheHeartbeatAndARestart() async throws {
        try await withLeaseAPIServer { client in
            try await reporter(client, advertised).register()
            // kubectl label node node1 disk=hdd zone- tier=gold; kubectl taint node node1 dedicated-; kubectl cordon node1
            var node = try await client.get(Node.self, name: "node1")
            node.metadata.labels["disk"] = "hdd"
            node.metadata.labels["zone"] = nil
            node.metadata.labels["tier"] = "gold"
            node.spec.taints = [Taint(key: "maintenance", effect: .noExecute)]
            node.spec.unschedulable = true
            try await client.update(node)

            func expectAdministered(_ when: Comment) async throws {
                let node = try await client.get(Node.self, name: "node1")
                #expect(node.metadata.labels["disk"] == "hdd", when)
                #expect(node.metadata.labels["zone"] == nil, when)
                #expect(node.metadata.labels["tier"] == "gold", when)
                #expect(node.spec.taints == [Taint(key: "maintenance", effect: .noExecute)], when)
                #expect(node.spec.unschedulable, when)
                #expect(node.status.capacity["cpu"] == Quantity(value: 2), when)
            }
            try await reporter(client, advertised).renew()
            try await expectAdministered("after a heartbeat")
            try await reporter(client, advertised).register()
            try await expectAdministered("after a restart")
        }
    }
}
