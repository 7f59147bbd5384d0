// Stage 2 · Client tests: every verb against the real API server, and how errors arrive.

import API
import APIMachinery
import Client
import ClusterKinds
import Foundation
import HTTP
import Testing

private func makePod(_ name: String, node: String = "node1", namespace: String = "default") -> Pod {
    var pod = Pod(metadata: ObjectMeta(name: name, namespace: namespace))
    pod.spec.nodeName = node
    pod.spec.containers = [Container(name: "web", image: "busybox")]
    return pod
}

@Test func resourcePathsFollowKubernetesLayout() {
    #expect(Pod.resource.path(namespace: "default", name: "web", subresource: "status") == "/api/v1/namespaces/default/pods/web/status")
    #expect(Pod.resource.path() == "/api/v1/pods")
    #expect(Node.resource.path(namespace: "ignored", name: "n1") == "/api/v1/nodes/n1")
    let deployments = Resource(group: "apps", kind: "Deployment", plural: "deployments", scope: .namespaced)
    #expect(deployments.path(namespace: "a") == "/apis/apps/v1/namespaces/a/deployments")
    #expect(Pod.resource.path(namespace: "default", name: "a b/c") == "/api/v1/namespaces/default/pods/a%20b%2Fc")
}

@Test func createThenGetReturnsTheStoredPod() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        let created = try await client.create(makePod("web"))
        #expect(!created.metadata.uid.isEmpty)
        let read = try await client.get(Pod.self, namespace: "default", name: "web")
        #expect(read.metadata.uid == created.metadata.uid)
        #expect(server.requests.first?.method == "POST")
        #expect(server.requests.first?.path == "/api/v1/namespaces/default/pods")
    }
}

@Test func getOfAMissingObjectThrowsNotFound() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        do {
            _ = try await client.get(Node.self, name: "nowhere")
            Issue.record("expected NotFound")
        } catch let error as APIError {
            #expect(error.isNotFound)
            #expect(error.status?.code == 404)
        }
    }
}

@Test func createOfATakenNameThrowsAlreadyExists() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        try await client.create(makePod("web"))
        await #expect { try await client.create(makePod("web")) } throws: { ($0 as? APIError)?.isAlreadyExists == true }
    }
}

@Test func updateWithAStaleResourceVersionThrowsConflict() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        var pod = try await client.create(makePod("web"))
        pod.metadata.labels = ["a": "1"]
        let updated = try await client.update(pod)
        #expect(updated.metadata.labels == ["a": "1"])
        // `pod` still carries the old resourceVersion.
        await #expect { try await client.update(pod) } throws: { ($0 as? APIError)?.isConflict == true }
    }
}

@Test func listSendsSelectorsAndDecodesTheList() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        var web = makePod("a", node: "node1")
        web.metadata.labels = ["app": "web"]
        try await client.create(web)
        try await client.create(makePod("b", node: "node2"))
        let list = try await client.list(Pod.self, fieldSelector: "spec.nodeName=node1")
        #expect(list.items.map(\.metadata.name) == ["a"])
        #expect(list.kind == "PodList" && !list.metadata.resourceVersion.isEmpty)
        let sent = try #require(server.requests.last)
        #expect(sent.path == "/api/v1/pods")
        #expect(sent.query["fieldSelector"] == "spec.nodeName=node1")
        let labelled = try await client.list(Pod.self, namespace: "default", labelSelector: "app=web")
        #expect(labelled.items.map(\.metadata.name) == ["a"])
        #expect(server.requests.last?.query["labelSelector"] == "app=web")
        #expect(server.requests.last?.path == "/api/v1/namespaces/default/pods")
    }
}

@Test func updateStatusPutsToTheStatusSubresource() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        var pod = try await client.create(makePod("web"))
        pod.status.phase = .running
        let stored = try await client.updateStatus(pod)
        #expect(stored.status.phase == .running)
        #expect(server.requests.last?.method == "PUT")
        #expect(server.requests.last?.path == "/api/v1/namespaces/default/pods/web/status")
    }
}

@Test func patchSendsAMergePatch() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        try await client.create(makePod("web"))
        let patched = try await client.patch(
            Pod.self, namespace: "default", name: "web",
            mergePatch: JSONValue.object(["metadata": .object(["labels": .object(["tier": .string("web")])])]))
        #expect(patched.metadata.labels["tier"] == "web")
        #expect(server.requests.last?.method == "PATCH")
    }
}

@Test func deleteSendsItsOptionsAsTheBody() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        try await client.create(makePod("web"))
        try await client.delete(Pod.self, namespace: "default", name: "web", options: DeleteOptions(gracePeriodSeconds: 0))
        let sent = try #require(server.requests.last)
        #expect(sent.method == "DELETE")
        let options = try APIJSON.decode(DeleteOptions.self, from: Data(sent.body))
        #expect(options.gracePeriodSeconds == 0)
        #expect(try await server.object(Pod.self, namespace: "default", name: "web") == nil, "gone at once: no grace period")
    }
}

@Test func anUnreachableServerThrowsATransportError() async throws {
    // Bind a port, then close it, so nothing listens there.
    let port = try HTTPServer(port: 0, logger: .silent) { _ in HTTPResponse() }.port
    let client = try APIClient(server: "http://127.0.0.1:\(port)")
    await #expect { _ = try await client.get(Node.self, name: "n1") } throws: { error in
        if case .transport? = error as? APIError { return true }
        return false
    }
}

@Test func anErrorWithoutAStatusBodyStillHasItsCode() async throws {
    try await withRunningServer(handler: { _ in .text("nothing here", status: .notFound) }) { server in
        let client = try APIClient(server: "http://127.0.0.1:\(server.port)")
        await #expect { _ = try await client.get(Node.self, name: "n1") } throws: { error in
            let error = error as? APIError
            return error?.isNotFound == true && error?.status?.message == "nothing here"
        }
    }
}
