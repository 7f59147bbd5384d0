// Stage 4 · KubeletNodes tests: `kubectl label`, `taint` and `cordon` outlive the kubelet's heartbeat and restart.
//
// The same check as `AdvertisedNodeReporterTests`, made with the administrator's own
// tool: kubectl patches the node its way (merge and strategic merge patches), and the
// kubelet's stage 2 reporter, advertising stage 4's size, labels and taints, must leave
// every one of those changes in place.

import API
import Client
import ClusterKinds
import Foundation
@testable import Kubelet
@testable import KubeletAPI
@testable import KubeletNodes
import Testing
@testable import TestSupport

/// Runs `tool` with a kubeconfig for `server`; fails the test on a non-zero exit.
private func kubectl(_ tool: String, _ kubeconfig: URL, _ arguments: String...) async throws {
    let path = try #require(Tools.path(of: tool), "\(tool) is not installed")
    let process = try StageProcess(executable: URL(fileURLWithPath: path), arguments: ["--kubeconfig", kubeconfig.path] + arguments,
                                   name: "kubectl")
    let status = try await process.waitForExit(timeout: .seconds(120))
    #expect(status == 0, "\(tool) \(arguments.joined(separator: " ")): \(process.output)")
}

@Suite struct AdvertisedNodeKubectlTests {
    @Test(.enabled(if: Tools.isInstalled("kubectl"), "kubectl makes the administrator's changes"),
          arguments: Tools.kubectls(minors: [27, 33]))
    func kubectlChangesSurviveTheHeartbeatAndARestart(tool: String) async throws {
        try await withLeaseAPIServer { client in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubectl-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let kubeconfig = directory.appendingPathComponent("kubeconfig")
            try Kubeconfig(name: "test", server: "http://\(client.http.baseURL.host):\(client.http.baseURL.port)").write(to: kubeconfig)

            let machine = MachineInfo(numCores: 8, memoryCapacity: 1 << 34, machineID: "m1", bootID: "b1")
            var reporter = NodeStatusReporter(client: client, nodeName: "node1", kubeletPort: 10255, machine: machine, logger: .silent)
            reporter.advertiser = try AdvertisedNode(
                nodeCapacity: "cpu=2", nodeLabels: "disk=ssd,zone=a", registerWithTaints: "dedicated=gpu:NoSchedule")
            try await reporter.register()

            try await kubectl(tool, kubeconfig, "label", "node", "node1", "disk=hdd", "--overwrite")
            try await kubectl(tool, kubeconfig, "label", "node", "node1", "zone-")
            try await kubectl(tool, kubeconfig, "taint", "node", "node1", "dedicated=gpu:NoSchedule-")
            try await kubectl(tool, kubeconfig, "taint", "node", "node1", "maintenance=now:NoExecute")
            try await kubectl(tool, kubeconfig, "cordon", "node1")

            for (step, act) in [("heartbeat", { try await reporter.renew() }), ("restart", { try await reporter.register() })]
                as [(String, () async throws -> Void)] {
                try await act()
                let node = try await client.get(Node.self, name: "node1")
                #expect(node.metadata.labels["disk"] == "hdd", "after the \(step)")
                #expect(node.metadata.labels["zone"] == nil, "after the \(step)")
                #expect(node.spec.taints.map(\.key) == ["maintenance"], "after the \(step)")
                #expect(node.spec.unschedulable, "after the \(step)")
                #expect(node.status.capacity["cpu"] == Quantity(value: 2), "after the \(step)")
            }
        }
    }
}
