// A deleted namespace is Terminating while its `kubernetes` finalizer remains; nothing new
// may be created in it; `…/finalize` clears the finalizer; every namespace carries its name label.

import API
import APIMachinery
import APIServer
import ClusterKinds
import Foundation
@testable import HTTPClient
import Testing

@Suite struct NamespaceLifecycleTests {
    static let pod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"main","image":"busybox"}]}}"#

    func send(_ client: HTTPClient, _ method: String, _ target: String, body: String = "") async throws -> HTTPClientResponse {
        try await client.send(HTTPClientRequest(method: method, target: target, headers: ["Content-Type": "application/json"], body: Array(body.utf8)))
    }

    func namespace(_ client: HTTPClient, _ name: String) async throws -> Namespace {
        try APIJSON.decode(Namespace.self, from: try await send(client, "GET", "/api/v1/namespaces/\(name)").data)
    }

    @Test func aDeletedNamespaceIsTerminatingAndRefusesNewContentWithKubernetes403() async throws {
        try await withInProcessAPIServer { client in
            _ = try await send(client, "POST", "/api/v1/namespaces", body: #"{"metadata":{"name":"shop"}}"#)
            let deleted = try await send(client, "DELETE", "/api/v1/namespaces/shop", body: #"{"propagationPolicy":"Background"}"#)
            #expect(deleted.status.code == 200)
            let answer = try APIJSON.decode(Namespace.self, from: deleted.data)
            #expect(answer.status.phase == .terminating && answer.metadata.deletionTimestamp != nil)
            let stored = try await namespace(client, "shop")
            #expect(stored.status.phase == .terminating && stored.spec.finalizers == ["kubernetes"])
            let recreated = try await send(client, "POST", "/api/v1/namespaces", body: #"{"metadata":{"name":"shop"}}"#)
            #expect(recreated.status.code == 409)
            #expect(try APIJSON.decode(Status.self, from: recreated.data).message == #"object is being deleted: namespaces "shop" already exists"#)
            let again = try await send(client, "DELETE", "/api/v1/namespaces/shop")
            #expect(again.status.code == 200, "a second delete keeps it while the finalizer remains")
            #expect(try await namespace(client, "shop").metadata.deletionTimestamp == stored.metadata.deletionTimestamp)

            let refused = try await send(client, "POST", "/api/v1/namespaces/shop/pods", body: Self.pod)
            #expect(refused.status.code == 403)
            let status = try APIJSON.decode(Status.self, from: refused.data)
            #expect(status.reason == .forbidden)
            #expect(status.message == #"pods "web" is forbidden: unable to create new content in namespace shop because it is being terminated"#)
            #expect(status.details == StatusDetails(name: "web", kind: "pods", causes: [
                StatusCause(reason: "NamespaceTerminating", message: "namespace shop is being terminated", field: "metadata.namespace"),
            ]))
        }
    }

    @Test func finalizeClearsTheFinalizerAndTheNextDeleteRemovesTheNamespace() async throws {
        try await withInProcessAPIServer { client in
            _ = try await send(client, "POST", "/api/v1/namespaces", body: #"{"metadata":{"name":"shop"}}"#)
            _ = try await send(client, "DELETE", "/api/v1/namespaces/shop")
            // An ordinary update may not drop the finalizer…
            _ = try await send(client, "PUT", "/api/v1/namespaces/shop", body: #"{"metadata":{"name":"shop"},"spec":{"finalizers":[]}}"#)
            #expect(try await namespace(client, "shop").spec.finalizers == ["kubernetes"])
            // …a PUT of finalize does, and keeps the status.
            let bad = try await send(client, "PUT", "/api/v1/namespaces/shop/finalize", body: #"{"metadata":{"name":"shop"},"spec":{"finalizers":["oops"]}}"#)
            #expect(bad.status.code == 422)
            let finalized = try await send(client, "PUT", "/api/v1/namespaces/shop/finalize", body: #"{"metadata":{"name":"shop"},"spec":{}}"#)
            #expect(finalized.status.code == 200)
            let shop = try await namespace(client, "shop")
            #expect(shop.spec.finalizers.isEmpty && shop.status.phase == .terminating)
            #expect(try await send(client, "DELETE", "/api/v1/namespaces/shop").status.code == 200)
            #expect(try await send(client, "GET", "/api/v1/namespaces/shop").status.code == 404)
        }
    }

    @Test func everyNamespaceCarriesItsNameLabelWhateverAnUpdateSends() async throws {
        try await withInProcessAPIServer { client in
            let created = try APIJSON.decode(Namespace.self, from: try await send(
                client, "POST", "/api/v1/namespaces", body: #"{"metadata":{"name":"shop","labels":{"team":"a"}}}"#).data)
            #expect(created.metadata.labels == ["team": "a", "kubernetes.io/metadata.name": "shop"])
            _ = try await send(client, "PUT", "/api/v1/namespaces/shop", body: #"{"metadata":{"name":"shop","labels":{"kubernetes.io/metadata.name":"x"}}}"#)
            #expect(try await namespace(client, "shop").metadata.labels == ["kubernetes.io/metadata.name": "shop"])
            #expect(try await namespace(client, "default").metadata.labels["kubernetes.io/metadata.name"] == "default")
        }
    }

    @Test func theNamespacesTheClusterNeedsMayNotBeDeleted() async throws {
        try await withInProcessAPIServer { client in
            let refused = try await send(client, "DELETE", "/api/v1/namespaces/default")
            #expect(refused.status.code == 403)
            #expect(try APIJSON.decode(Status.self, from: refused.data).message == #"namespaces "default" is forbidden: this namespace may not be deleted"#)
            #expect(try await namespace(client, "default").status.phase == .active)
        }
    }
}
