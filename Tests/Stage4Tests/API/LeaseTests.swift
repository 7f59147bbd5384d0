// Stage 4 · API tests: leases (coordination.k8s.io/v1), their validation, table and namespace.

import API
import APIMachinery
import Client
import ClusterKinds
import Foundation
import HTTPClient
import SchedulingKinds
import Testing

@Suite struct LeaseTests {
    @Test func aLeaseIsKeptAndItsHolderRenewsItUnderOptimisticConcurrency() async throws {
        try await withSchedulingAPI { api in
            let lease = Lease(metadata: ObjectMeta(name: "kube-scheduler", namespace: "kube-system"),
                              spec: LeaseSpec(holderIdentity: "scheduler-a", leaseDurationSeconds: 15))
            var stored = try await api.client.create(lease)
            #expect(stored.spec.holderIdentity == "scheduler-a")
            let stale = stored
            stored.spec.leaseTransitions = 1
            _ = try await api.client.update(stored)
            var rival = stale
            rival.spec.holderIdentity = "scheduler-b"
            let error = await #expect(throws: APIError.self) { try await api.client.update(rival) }
            #expect(error?.status?.code == 409)
        }
    }

    @Test func aLeaseDurationMustBePositive() async throws {
        try await withSchedulingAPI { api in
            let lease = Lease(metadata: ObjectMeta(name: "node1", namespace: Lease.nodeLeaseNamespace),
                              spec: LeaseSpec(holderIdentity: "node1", leaseDurationSeconds: 0))
            let error = await #expect(throws: APIError.self) { try await api.client.create(lease) }
            #expect(error?.status?.message == #"Lease.coordination.k8s.io "node1" is invalid: spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0"#)
        }
    }

    @Test func theNodeLeaseNamespaceExistsFromStartUp() async throws {
        try await withSchedulingAPI { api in
            let namespaceName = try await api.client.get(Namespace.self, name: Lease.nodeLeaseNamespace).metadata.name
            #expect(namespaceName == "kube-node-lease")
        }
    }

    @Test func kubectlGetLeaseShowsNameHolderAndAge() async throws {
        try await withSchedulingAPI { api in
            try await api.client.create(Lease(metadata: ObjectMeta(name: "node1", namespace: Lease.nodeLeaseNamespace),
                                              spec: LeaseSpec(holderIdentity: "node1", leaseDurationSeconds: 40)))
            let response = try await api.http.send(HTTPClientRequest(
                target: "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases",
                headers: ["Accept": "application/json;as=Table;v=v1;g=meta.k8s.io"]))
            let table = try APIJSON.decode(Table.self, from: response.data)
            #expect(table.columnDefinitions.map(\.name) == ["Name", "Holder", "Age"])
            #expect(table.rows.first?.cells.prefix(2) == [.string("node1"), .string("node1")])
        }
    }
}
