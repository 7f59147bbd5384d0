// Stage 4 · KubeletNodes tests: the node Lease, created, owned by its Node, renewed, and recreated.

import API
import APIMachinery
import Client
import ClusterKinds
import Common
@testable import KubeletNodes
import SchedulingKinds
import Testing
@testable import TestSupport

/// Runs a node lease controller for node1, renewing every `renewInterval`, beside `body`.
private func withNodeLease(_ client: APIClient, _ body: () async throws -> Void) async throws {
    let controller = NodeLeaseController(client: client, nodeName: "node1", renewInterval: .milliseconds(100), logger: .silent)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await controller.run() }
        defer { group.cancelAll() }
        try await body()
    }
}

@Suite struct NodeLeaseControllerTests {
    @Test func theLeaseIsHeldByTheNodeForFortySecondsAndOwnedByIt() async throws {
        try await withLeaseAPIServer { client in
            let node = try await client.create(Node(metadata: ObjectMeta(name: "node1")))
            try await withNodeLease(client) {
                try await eventually("node1's lease") { await lease(client, "kube-node-lease", "node1") != nil }
                let held = try #require(await lease(client, "kube-node-lease", "node1"))
                #expect(held.spec.holderIdentity == "node1")
                #expect(held.spec.leaseDurationSeconds == 40)
                #expect(held.metadata.ownerReferences == [
                    OwnerReference(apiVersion: "v1", kind: "Node", name: "node1", uid: node.metadata.uid),
                ])
                try await eventually("the lease to be renewed") {
                    guard let now = await lease(client, "kube-node-lease", "node1") else { return false }
                    return now.spec.renewTime! > held.spec.renewTime!
                }
            }
        }
    }

    @Test func theOwnerIsSetOnceTheNodeExists() async throws {
        try await withLeaseAPIServer { client in
            try await withNodeLease(client) {
                try await eventually("node1's lease") { await lease(client, "kube-node-lease", "node1") != nil }
                let node = try await client.create(Node(metadata: ObjectMeta(name: "node1")))
                try await eventually("the lease to be owned by the node") {
                    await lease(client, "kube-node-lease", "node1")?.metadata.ownerReferences.first?.uid == node.metadata.uid
                }
            }
        }
    }

    @Test func aDeletedLeaseIsCreatedAgain() async throws {
        try await withLeaseAPIServer { client in
            try await withNodeLease(client) {
                try await eventually("node1's lease") { await lease(client, "kube-node-lease", "node1") != nil }
                let first = try #require(await lease(client, "kube-node-lease", "node1"))
                try await client.delete(Lease.self, namespace: "kube-node-lease", name: "node1")
                try await eventually("a new lease") {
                    guard let now = await lease(client, "kube-node-lease", "node1") else { return false }
                    return now.metadata.uid != first.metadata.uid
                }
            }
        }
    }

    @Test func theDefaultRenewalIsAQuarterOfTheDuration() {
        #expect(Double(NodeLeaseController.defaultLeaseDurationSeconds) * NodeLeaseController.renewIntervalFraction == 10)
    }
}
