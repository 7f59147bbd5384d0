// Stage 4 · API tests: a new pod's priority, resolved from its class (Kubernetes' Priority admission).

import API
import APIMachinery
import Client
import SchedulingKinds
import Testing

@Suite struct PriorityAdmissionTests {
    @Test func aPodNamingAClassGetsItsValueAndPreemptionPolicy() async throws {
        try await withSchedulingAPI { api in
            try await api.client.create(PriorityClass(metadata: ObjectMeta(name: "polite"), value: 700, preemptionPolicy: .never))
            let pod = try await api.client.create(pendingPod("web", priorityClassName: "polite"))
            #expect(pod.spec.priority == 700)
            #expect(pod.spec.preemptionPolicy == .never)
        }
    }

    @Test func aPodNamingNoClassGetsZeroWithoutADefault() async throws {
        try await withSchedulingAPI { api in
            let pod = try await api.client.create(pendingPod("web"))
            #expect(pod.spec.priority == 0)
            #expect(pod.spec.priorityClassName == "")
            #expect(pod.spec.preemptionPolicy == .preemptLowerPriority)
        }
    }

    @Test func aPodNamingNoClassGetsTheGlobalDefaultsNameAndValue() async throws {
        try await withSchedulingAPI { api in
            try await api.client.create(PriorityClass(metadata: ObjectMeta(name: "normal"), value: 42, globalDefault: true))
            let pod = try await api.client.create(pendingPod("web"))
            #expect(pod.spec.priority == 42)
            #expect(pod.spec.priorityClassName == "normal")
        }
    }

    @Test func aSystemClassGivesItsValue() async throws {
        try await withSchedulingAPI { api in
            let pod = try await api.client.create(pendingPod("dns", priorityClassName: "system-cluster-critical"))
            #expect(pod.spec.priority == 2_000_000_000)
        }
    }

    @Test func anUnknownClassIsForbidden() async throws {
        try await withSchedulingAPI { api in
            let error = await #expect(throws: APIError.self) { try await api.client.create(pendingPod("x", priorityClassName: "foo")) }
            #expect(error?.status?.code == 403)
            #expect(error?.status?.message == #"pods "x" is forbidden: no PriorityClass with name foo was found"#)
        }
    }

    @Test func aPodSettingAPriorityOtherThanItsClassesIsForbidden() async throws {
        try await withSchedulingAPI { api in
            try await api.client.create(PriorityClass(metadata: ObjectMeta(name: "high"), value: 1000))
            let error = await #expect(throws: APIError.self) {
                try await api.client.create(pendingPod("x", priorityClassName: "high", priority: 5))
            }
            #expect(error?.status?.message == #"pods "x" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name"#)
            let matching = try await api.client.create(pendingPod("y", priorityClassName: "high", priority: 1000)).spec.priority
            #expect(matching == 1000)
        }
    }

    @Test func anUpdateThatLeavesOutThePriorityKeepsIt() async throws {
        try await withSchedulingAPI { api in
            try await api.client.create(PriorityClass(metadata: ObjectMeta(name: "polite"), value: 700, preemptionPolicy: .never))
            var pod = try await api.client.create(pendingPod("web", priorityClassName: "polite"))
            pod.spec.priority = nil
            pod.spec.preemptionPolicy = nil
            pod.spec.containers[0].image = "busybox:1.36"
            let updated = try await api.client.update(pod)
            #expect(updated.spec.priority == 700 && updated.spec.preemptionPolicy == .never)
            #expect(updated.spec.containers[0].image == "busybox:1.36")
        }
    }
}
