// Stage 4 · API tests: `pods/binding`, Kubernetes' BindingREST rules, through a real API server.

import API
import APIMachinery
import Client
import Foundation
import SchedulingKinds
import Testing

@Suite struct PodBindingTests {
    @Test func aBindingSetsTheNodeCopiesTheAnnotationsAndMarksThePodScheduled() async throws {
        try await withSchedulingAPI { api in
            try await api.client.create(pendingPod("web"))
            let answer = try await api.bind("web", to: "node2")
            #expect(answer.code == 201)
            let status = try APIJSON.decode(Status.self, from: Data(answer.body.utf8))
            #expect(status.status == .success && status.code == 201)
            let pod = try await api.client.get(Pod.self, namespace: "default", name: "web")
            #expect(pod.spec.nodeName == "node2")
            #expect(pod.metadata.annotations["scheduler.example/why"] == "test")
            let scheduled = pod.status.conditions.first { $0.type == .podScheduled }
            #expect(scheduled?.status == .true)
            #expect(scheduled?.lastTransitionTime != .zero)
        }
    }

    @Test func aNominatedNodeIsKeptUntilTheBindingClearsIt() async throws {
        try await withSchedulingAPI { api in
            var pod = try await api.client.create(pendingPod("web"))
            pod.status.nominatedNodeName = "node3"
            let nominated = try await api.client.updateStatus(pod)
            #expect(nominated.status.nominatedNodeName == "node3")
            #expect(try await api.bind("web", to: "node3").code == 201)
            let bound = try await api.client.get(Pod.self, namespace: "default", name: "web")
            #expect(bound.status.nominatedNodeName == "" && bound.spec.nodeName == "node3")
        }
    }

    @Test func aPodAlreadyBoundIsAConflictInKubernetesWords() async throws {
        try await withSchedulingAPI { api in
            try await api.client.create(pendingPod("web", node: "node1"))
            let answer = try await api.bind("web", to: "node2")
            #expect(answer.code == 409)
            let status = try APIJSON.decode(Status.self, from: Data(answer.body.utf8))
            #expect(status.reason == .conflict)
            #expect(status.message == #"Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "node1""#)
            let nodeName = try await api.client.get(Pod.self, namespace: "default", name: "web").spec.nodeName
            #expect(nodeName == "node1")
        }
    }

    @Test func theNameInTheURLMustBeTheBindings() async throws {
        try await withSchedulingAPI { api in
            try await api.client.create(pendingPod("web"))
            let answer = try await api.post("/api/v1/namespaces/default/pods/web/binding",
                                            json: #"{"metadata": {"name": "other"}, "target": {"name": "node1"}}"#)
            #expect(answer.code == 400)
            #expect(answer.body.contains("name in URL does not match name in Binding object"))
        }
    }

    @Test func aTargetThatIsNotANodeIsRefused() async throws {
        try await withSchedulingAPI { api in
            try await api.client.create(pendingPod("web"))
            let answer = try await api.bind("web", to: "node1", kind: "Pod")
            // Kubernetes answers these with a 500 (its validation error is not a Status).
            #expect(answer.code == 500)
            #expect(answer.body.contains(#"target.kind: Unsupported value: \"Pod\": supported values: \"Node\", \"<empty>\""#))
            let nodeName = try await api.client.get(Pod.self, namespace: "default", name: "web").spec.nodeName
            #expect(nodeName == "")
        }
    }

    @Test func aBindingForAnotherPodOfTheSameNameIsRefusedByItsUID() async throws {
        try await withSchedulingAPI { api in
            let pod = try await api.client.create(pendingPod("web"))
            let answer = try await api.bind("web", to: "node1", uid: "not-\(pod.metadata.uid)")
            #expect(answer.code == 409)
            #expect(answer.body.contains("Precondition failed: UID in precondition: not-\(pod.metadata.uid), UID in object meta: \(pod.metadata.uid)"))
            let retried = try await api.bind("web", to: "node1", uid: pod.metadata.uid).code
            #expect(retried == 201)
        }
    }

    @Test func aPodBeingDeletedCannotBeBound() async throws {
        try await withSchedulingAPI { api in
            var pod = pendingPod("web")
            pod.metadata.finalizers = ["example.com/keep"]
            try await api.client.create(pod)
            try await api.client.delete(Pod.self, namespace: "default", name: "web")
            let answer = try await api.bind("web", to: "node1")
            #expect(answer.code == 409)
            #expect(answer.body.contains("pod web is being deleted, cannot be assigned to a host"))
        }
    }

    @Test func ofBindingsRacingForOnePodExactlyOneWins() async throws {
        try await withSchedulingAPI { api in
            try await api.client.create(pendingPod("web"))
            let nodes = (1...8).map { "node\($0)" }
            let codes = try await withThrowingTaskGroup(of: (String, Int).self) { group in
                for node in nodes { group.addTask { (node, try await api.bind("web", to: node).code) } }
                var codes: [String: Int] = [:]
                for try await (node, code) in group { codes[node] = code }
                return codes
            }
            let winners = codes.filter { $0.value == 201 }.map(\.key)
            #expect(winners.count == 1)
            #expect(codes.values.filter { $0 == 409 }.count == nodes.count - 1)
            let nodeName = try await api.client.get(Pod.self, namespace: "default", name: "web").spec.nodeName
            #expect(nodeName == winners.first)
        }
    }

    @Test func theOlderBindingsPathBindsThePodTheBodyNames() async throws {
        try await withSchedulingAPI { api in
            try await api.client.create(pendingPod("web"))
            let answer = try await api.post("/api/v1/namespaces/default/bindings",
                                            json: #"{"metadata": {"name": "web"}, "target": {"kind": "Node", "name": "node3"}}"#)
            #expect(answer.code == 201)
            let nodeName = try await api.client.get(Pod.self, namespace: "default", name: "web").spec.nodeName
            #expect(nodeName == "node3")
            let again = try await api.post("/api/v1/namespaces/default/bindings", json: #"{"metadata": {"name": "web"}, "target": {"name": "node1"}}"#)
            #expect(again.code == 409 && again.body.contains(#"pod web is already assigned to node \"node3\""#), "\(again.body)")
        }
    }

    @Test func discoveryListsTheBindingSubresourceForCreate() async throws {
        try await withSchedulingAPI { api in
            let list = try await api.client.get(APIResourceList.self, path: "/api/v1")
            let binding = try #require(list.resources.first { $0.name == "pods/binding" })
            #expect(binding.verbs == ["create"])
            #expect(binding.kind == "Binding")
            #expect(binding.namespaced)
            let legacy = try #require(list.resources.first { $0.name == "bindings" })
            #expect(legacy.verbs == ["create"] && legacy.kind == "Binding" && legacy.singularName == "binding" && legacy.namespaced)
        }
    }
}
