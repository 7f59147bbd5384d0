// Stage 4 · API tests: PriorityClass validation, the system classes, and the one global default.

import API
import APIMachinery
import Client
import SchedulingKinds
import SchedulingRegistry
import Testing

@Suite struct PriorityClassTests {
    @Test func theSystemClassesExistFromStartUpWithKubernetesValuesAndDescriptions() async throws {
        try await withSchedulingAPI { api in
            let cluster = try await api.client.get(PriorityClass.self, name: "system-cluster-critical")
            let node = try await api.client.get(PriorityClass.self, name: "system-node-critical")
            #expect(cluster.value == 2_000_000_000 && node.value == 2_000_001_000)
            #expect(cluster.description == "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.")
            #expect(node.description == "Used for system critical pods that must not be moved from their current node.")
            #expect(cluster.preemptionPolicy == .preemptLowerPriority && !cluster.globalDefault)
        }
    }

    @Test func aUserClassAboveOneBillionIsForbidden() async throws {
        try await withSchedulingAPI { api in
            let error = await #expect(throws: APIError.self) {
                try await api.client.create(PriorityClass(metadata: ObjectMeta(name: "huge"), value: 1_000_000_001))
            }
            #expect(error?.status?.code == 422)
            #expect(error?.status?.message == #"PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000"#)
            let top = try await api.client.create(PriorityClass(metadata: ObjectMeta(name: "top"), value: 1_000_000_000)).value
            #expect(top == 1_000_000_000)
        }
    }

    @Test func namesWithTheSystemPrefixAreTheSystemsOnly() async throws {
        try await withSchedulingAPI { api in
            let error = await #expect(throws: APIError.self) {
                try await api.client.create(PriorityClass(metadata: ObjectMeta(name: "system-mine"), value: 5))
            }
            #expect(error?.status?.message == #"PriorityClass.scheduling.k8s.io "system-mine" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class"#)
        }
    }

    @Test func aClassIsPreemptingUnlessItSaysNeverAndItsValueNeverChanges() async throws {
        try await withSchedulingAPI { api in
            var high = try await api.client.create(PriorityClass(metadata: ObjectMeta(name: "high"), value: 1000))
            #expect(high.preemptionPolicy == .preemptLowerPriority)
            high.value = 2000
            let error = await #expect(throws: APIError.self) { try await api.client.update(high) }
            #expect(error?.status?.message == #"PriorityClass.scheduling.k8s.io "high" is invalid: value: Forbidden: may not be changed in an update."#)
            var never = try await api.client.create(PriorityClass(metadata: ObjectMeta(name: "polite"), value: 5, preemptionPolicy: .never))
            #expect(never.preemptionPolicy == .never)
            never.preemptionPolicy = .preemptLowerPriority
            let changed = await #expect(throws: APIError.self) { try await api.client.update(never) }
            #expect(changed?.status?.message == #"PriorityClass.scheduling.k8s.io "polite" is invalid: preemptionPolicy: Invalid value: "PreemptLowerPriority": field is immutable"#)
        }
    }

    @Test func onlyOneClassMayBeTheGlobalDefault() async throws {
        try await withSchedulingAPI { api in
            try await api.client.create(PriorityClass(metadata: ObjectMeta(name: "first"), value: 10, globalDefault: true))
            let error = await #expect(throws: APIError.self) {
                try await api.client.create(PriorityClass(metadata: ObjectMeta(name: "second"), value: 11, globalDefault: true))
            }
            #expect(error?.status?.code == 403)
            #expect(error?.status?.message == #"priorityclasses.scheduling.k8s.io "second" is forbidden: PriorityClass first is already marked as default. Only one default can exist"#)
        }
    }

    @Test func aPatchMakingASecondDefaultIsForbiddenToo() async throws {
        try await withSchedulingAPI { api in
            try await api.client.create(PriorityClass(metadata: ObjectMeta(name: "first"), value: 10, globalDefault: true))
            try await api.client.create(PriorityClass(metadata: ObjectMeta(name: "second"), value: 11))
            let error = await #expect(throws: APIError.self) {
                try await api.client.patch(PriorityClass.self, name: "second", mergePatch: ["globalDefault": true])
            }
            #expect(error?.status?.message == #"priorityclasses.scheduling.k8s.io "second" is forbidden: PriorityClass first is already marked as default. Only one default can exist"#)
            let first = try await api.client.patch(PriorityClass.self, name: "first", mergePatch: ["description": "still the default"])
            #expect(first.globalDefault && first.description == "still the default")
        }
    }

    @Test func discoveryListsPriorityClassesWithTheirShortNameAndStorageVersionHash() async throws {
        try await withSchedulingAPI { api in
            let list = try await api.client.get(APIResourceList.self, path: "/apis/scheduling.k8s.io/v1")
            let classes = try #require(list.resources.first { $0.name == "priorityclasses" })
            #expect(classes.shortNames == ["pc"] && !classes.namespaced)
            #expect(classes.storageVersionHash == "1QwjyaZjj3Y=")
        }
    }
}
