// Stage 2 · APIServer tests: a kind of a named group, registered only here, is served in
// full: proof that a later stage's group (apps/v1 in stage 5) needs no API server change.

import API
import APIMachinery
import APIServer
import Client
import Foundation
import HTTPClient
import Testing

/// A made-up kind in the group `example.com`: a type and its `Resource`…
struct Widget: APIObject {
    static let resource = Resource(group: "example.com", kind: "Widget", plural: "widgets", scope: .namespaced, shortNames: ["wd"])
    var apiVersion = "example.com/v1"
    var kind = "Widget"
    var metadata = ObjectMeta()
    var size = 0

    init(name: String, created: Time = .zero, size: Int = 0) {
        metadata.name = name
        metadata.creationTimestamp = created
        self.size = size
    }
}

/// …and a strategy that keeps every default.
enum WidgetStrategy: RESTStrategy {
    typealias Object = Widget
}

@Suite struct NamedGroupTests {
    static let resources = stage2Resources + [ResourceRegistration(WidgetStrategy.self)]

    @Test func discoveryListsTheGroupItsVersionAndItsResource() async throws {
        try await withTestAPIServer(resources: Self.resources) { server in
            let client = try APIClient(server: server.url)
            let groups = try await client.get(APIGroupList.self, path: "/apis")
            #expect(groups.groups.map(\.name) == ["authentication.k8s.io", "authorization.k8s.io", "example.com"])
            let group = try await client.get(APIGroup.self, path: "/apis/example.com")
            #expect(group.kind == "APIGroup" && group.preferredVersion.groupVersion == "example.com/v1")
            let resources = try await client.get(APIResourceList.self, path: "/apis/example.com/v1")
            #expect(resources.groupVersion == "example.com/v1")
            #expect(resources.resources.map(\.name) == ["widgets", "widgets/status"])
            #expect(resources.resources.first?.shortNames == ["wd"])
            let core = try await client.get(APIResourceList.self, path: "/api/v1")
            #expect(!core.resources.contains { $0.name == "widgets" })
        }
    }

    @Test func aWidgetIsCreatedReadAndListedUnderItsGroupsPath() async throws {
        try await withTestAPIServer(resources: Self.resources) { server in
            let client = try APIClient(server: server.url)
            var widget = Widget(name: "w1", size: 3)
            widget.metadata.namespace = "default"
            let created = try await client.create(widget)
            #expect(!created.metadata.uid.isEmpty && created.size == 3)
            #expect(server.requests.last?.path == "/apis/example.com/v1/namespaces/default/widgets")
            let read = try await client.get(Widget.self, namespace: "default", name: "w1")
            #expect(read.metadata.uid == created.metadata.uid)
            let list = try await client.list(Widget.self)
            #expect(list.kind == "WidgetList" && list.apiVersion == "example.com/v1")
            #expect(list.items.map(\.metadata.name) == ["w1"])
            #expect(try await server.object(Widget.self, namespace: "default", name: "w1")?.size == 3)
        }
    }

    @Test func theGroupsResourcesAreNotServedUnderTheCoreGroup() async throws {
        try await withTestAPIServer(resources: Self.resources) { server in
            let client = try APIClient(server: server.url)
            await #expect { _ = try await client.get(JSONValue.self, path: "/api/v1/widgets") } throws: {
                ($0 as? APIError)?.isNotFound == true
            }
            await #expect { _ = try await client.get(JSONValue.self, path: "/apis/example.com/v2/widgets") } throws: {
                ($0 as? APIError)?.isNotFound == true
            }
        }
    }

    @Test func anUnknownSubresourceIsNotFoundAndAnUnallowedVerbIsRefused() async throws {
        try await withTestAPIServer { server in
            let http = try HTTPClient(baseURL: server.url)
            let client = APIClient(http: http)
            var pod = Pod(metadata: ObjectMeta(name: "web", namespace: "default"))
            pod.spec.containers = [Container(name: "main", image: "busybox")]
            try await client.create(pod)
            let binding = try await http.send(HTTPClientRequest(method: "GET", target: "/api/v1/namespaces/default/pods/web/binding"))
            #expect(binding.status.code == 404)
            let putLog = try await http.send(HTTPClientRequest(
                method: "PUT", target: "/api/v1/namespaces/default/pods/web/log",
                headers: ["Content-Type": "application/json"], body: Array(#"{}"#.utf8)))
            #expect(putLog.status.code == 405)
        }
    }
}
