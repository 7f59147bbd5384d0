// Stage 2 · APIServer tests: finalizers hold a deleted object; an eviction deletes a pod.
//
// A delete of an object with `metadata.finalizers` marks it (deletionTimestamp) and keeps
// it; the update that removes the last finalizer removes it. `POST …/pods/{name}/eviction`
// deletes the pod with the eviction's grace period, read from JSON or from the protobuf
// kubectl drain sends, and answers 201 with a Success Status.

import API
import APIMachinery
import APIServer
import Foundation
@testable import HTTPClient
import Storage
import Testing

@Suite struct FinalizerAndEvictionTests {
    static let pod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","finalizers":["example.com/hold"]},"spec":{"containers":[{"name":"main","image":"busybox"}]}}"#
    static let boundPod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"nodeName":"node1","terminationGracePeriodSeconds":60,"containers":[{"name":"main","image":"busybox"}]}}"#

    func send(_ client: HTTPClient, _ method: String, _ target: String, body: [UInt8] = [],
              contentType: String = "application/json") async throws -> HTTPClientResponse {
        try await client.send(HTTPClientRequest(method: method, target: target, headers: ["Content-Type": contentType], body: body))
    }

    func getPod(_ client: HTTPClient) async throws -> Pod? {
        let response = try await send(client, "GET", "/api/v1/namespaces/default/pods/web")
        return response.status.code == 200 ? try APIJSON.decode(Pod.self, from: response.data) : nil
    }

    @Test func aPodWithAFinalizerStaysUntilAPatchRemovesIt() async throws {
        try await withInProcessAPIServer { client in
            _ = try await send(client, "POST", "/api/v1/namespaces/default/pods", body: Array(Self.pod.utf8))
            let deleted = try await send(client, "DELETE", "/api/v1/namespaces/default/pods/web")
            #expect(deleted.status.code == 200)
            let held = try #require(try await getPod(client), "a finalizer keeps the pod")
            #expect(held.metadata.deletionTimestamp != nil)
            #expect(held.metadata.deletionGracePeriodSeconds == 0)
            let patched = try await send(client, "PATCH", "/api/v1/namespaces/default/pods/web",
                                         body: Array(#"{"metadata":{"finalizers":null}}"#.utf8),
                                         contentType: "application/merge-patch+json")
            #expect(patched.status.code == 200)
            #expect(try await getPod(client) == nil, "removing the last finalizer removed the pod")
        }
    }

    @Test func anEvictionInJSONDeletesThePodWithItsGracePeriod() async throws {
        try await withInProcessAPIServer { client in
            _ = try await send(client, "POST", "/api/v1/namespaces/default/pods", body: Array(Self.boundPod.utf8))
            let eviction = #"{"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"web","namespace":"default"},"deleteOptions":{"gracePeriodSeconds":3}}"#
            let answer = try await send(client, "POST", "/api/v1/namespaces/default/pods/web/eviction", body: Array(eviction.utf8))
            #expect(answer.status.code == 201)
            let status = try APIJSON.decode(Status.self, from: answer.data)
            #expect(status.status == .success && status.code == 201 && status.kind == "Status")
            let pod = try #require(try await getPod(client))
            #expect(pod.metadata.deletionGracePeriodSeconds == 3, "the eviction's grace period, not the spec's 60")
        }
    }

    @Test func anEvictionInProtobufAsKubectlDrainSendsItIsRead() async throws {
        try await withInProcessAPIServer { client in
            _ = try await send(client, "POST", "/api/v1/namespaces/default/pods", body: Array(Self.boundPod.utf8))
            let answer = try await send(client, "POST", "/api/v1/namespaces/default/pods/web/eviction",
                                        body: Self.protobufEviction(name: "web", namespace: "default", gracePeriod: 1),
                                        contentType: "application/vnd.kubernetes.protobuf")
            #expect(answer.status.code == 201, "\(answer.text)")
            let pod = try #require(try await getPod(client))
            #expect(pod.metadata.deletionGracePeriodSeconds == 1)
        }
    }

    @Test func anEvictionForAnotherPodIsABadRequest() async throws {
        try await withInProcessAPIServer { client in
            _ = try await send(client, "POST", "/api/v1/namespaces/default/pods", body: Array(Self.boundPod.utf8))
            let eviction = #"{"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"other"}}"#
            let answer = try await send(client, "POST", "/api/v1/namespaces/default/pods/web/eviction", body: Array(eviction.utf8))
            #expect(answer.status.code == 400)
            #expect(try APIJSON.decode(Status.self, from: answer.data).message == "name in URL does not match name in Eviction object")
        }
    }

    @Test func discoveryListsTheEvictionSubresourceWithItsPolicyKind() async throws {
        try await withInProcessAPIServer { client in
            let list = try APIJSON.decode(APIResourceList.self, from: try await send(client, "GET", "/api/v1").data)
            let eviction = try #require(list.resources.first { $0.name == "pods/eviction" })
            #expect(eviction.group == "policy" && eviction.version == "v1" && eviction.kind == "Eviction")
            #expect(eviction.verbs == ["create"])
        }
    }

    /// The protobuf body kubectl drain sends: the "k8s\0" magic, then a runtime.Unknown
    /// holding the type and the Eviction message.
    static func protobufEviction(name: String, namespace: String, gracePeriod: UInt8) -> [UInt8] {
        func field(_ number: UInt8, _ bytes: [UInt8]) -> [UInt8] { [number << 3 | 2, UInt8(bytes.count)] + bytes }
        let typeMeta = field(1, Array("policy/v1".utf8)) + field(2, Array("Eviction".utf8))
        let metadata = field(1, Array(name.utf8)) + field(3, Array(namespace.utf8))
        let deleteOptions: [UInt8] = [1 << 3 | 0, gracePeriod]
        let eviction = field(1, metadata) + field(2, deleteOptions)
        return [0x6B, 0x38, 0x73, 0x00] + field(1, typeMeta) + field(2, eviction) + field(3, []) + field(4, [])
    }
}

@Suite struct PodLogOptionsTests {
    @Test func logOptionsOutOfRangeAreAPodLogOptionsInvalid() async throws {
        try await withInProcessAPIServer { client in
            let pod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"nodeName":"node1","containers":[{"name":"main","image":"busybox"}]}}"#
            _ = try await client.send(HTTPClientRequest(method: "POST", target: "/api/v1/namespaces/default/pods",
                                                        headers: ["Content-Type": "application/json"], body: Array(pod.utf8)))
            let limited = try await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/namespaces/default/pods/web/log?limitBytes=0"))
            #expect(limited.status.code == 422, "\(limited.text)")
            #expect(try APIJSON.decode(Status.self, from: limited.data).message
                    == #"PodLogOptions "web" is invalid: limitBytes: Invalid value: 0: must be greater than 0"#, "\(limited.text)")
            let both = try await client.send(HTTPClientRequest(
                method: "GET", target: "/api/v1/namespaces/default/pods/web/log?sinceSeconds=5&sinceTime=2026-01-01T00:00:00Z"))
            #expect(both.status.code == 422)
            #expect(try APIJSON.decode(Status.self, from: both.data).message.contains("at most one of `sinceTime` or `sinceSeconds` may be specified"))
            let notANumber = try await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/namespaces/default/pods/web/log?tailLines=x"))
            #expect(notANumber.status.code == 400)
        }
    }
}
