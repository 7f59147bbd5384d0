// `?dryRun=All` runs the whole request and stores nothing; any other directive is a 422.

import API
import APIMachinery
import APIServer
import Foundation
@testable import HTTPClient
import Storage
import Testing

@Suite struct DryRunTests {
    static let pod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"main","image":"busybox"}]}}"#

    func send(_ client: HTTPClient, _ method: String, _ target: String, body: String = "",
              contentType: String = "application/json") async throws -> HTTPClientResponse {
        try await client.send(HTTPClientRequest(method: method, target: target, headers: ["Content-Type": contentType], body: Array(body.utf8)))
    }

    @Test func aDryRunCreateAnswersWithTheDefaultedPodAndStoresNothing() async throws {
        let store = MemoryStore()
        try await withInProcessAPIServer(store: store) { client in
            let revision = await store.currentRevision
            let created = try await send(client, "POST", "/api/v1/namespaces/default/pods?dryRun=All", body: Self.pod)
            #expect(created.status.code == 201)
            let pod = try APIJSON.decode(Pod.self, from: created.data)
            #expect(pod.spec.restartPolicy == .always && !pod.metadata.uid.isEmpty, "defaulted as a real create is")
            #expect(pod.metadata.resourceVersion.isEmpty, "never stored, so it has no version")
            #expect(await store.currentRevision == revision)
            let read = try await send(client, "GET", "/api/v1/namespaces/default/pods/web")
            #expect(read.status.code == 404)
        }
    }

    @Test func dryRunUpdatesPatchesAndDeletesLeaveTheStoredPodAsItWas() async throws {
        let store = MemoryStore()
        try await withInProcessAPIServer(store: store) { client in
            _ = try await send(client, "POST", "/api/v1/namespaces/default/pods", body: Self.pod)
            let revision = await store.currentRevision
            let patched = try await send(client, "PATCH", "/api/v1/namespaces/default/pods/web?dryRun=All",
                                         body: #"{"metadata":{"labels":{"tier":"web"}}}"#, contentType: "application/merge-patch+json")
            #expect(patched.status.code == 200)
            #expect(try APIJSON.decode(Pod.self, from: patched.data).metadata.labels["tier"] == "web", "the answer shows the change")
            let deleted = try await send(client, "DELETE", "/api/v1/namespaces/default/pods/web", body: #"{"dryRun":["All"]}"#)
            #expect(deleted.status.code == 200)
            #expect(await store.currentRevision == revision, "nothing was written")
            let pod = try APIJSON.decode(Pod.self, from: try await send(client, "GET", "/api/v1/namespaces/default/pods/web").data)
            #expect(pod.metadata.labels.isEmpty && pod.metadata.deletionTimestamp == nil)
        }
    }

    @Test func aDryRunCreateOfATakenNameIsStillAConflict() async throws {
        try await withInProcessAPIServer { client in
            _ = try await send(client, "POST", "/api/v1/namespaces/default/pods", body: Self.pod)
            let again = try await send(client, "POST", "/api/v1/namespaces/default/pods?dryRun=All", body: Self.pod)
            #expect(again.status.code == 409)
        }
    }

    @Test func anUnknownDirectiveIsRefusedAs422BeforeAnythingRuns() async throws {
        let store = MemoryStore()
        try await withInProcessAPIServer(store: store) { client in
            let revision = await store.currentRevision
            let refused = try await send(client, "POST", "/api/v1/namespaces/default/pods?dryRun=Bogus", body: Self.pod)
            #expect(refused.status.code == 422)
            let status = try APIJSON.decode(Status.self, from: refused.data)
            #expect(status.message == #"CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: "Bogus": supported values: "All""#)
            #expect(await store.currentRevision == revision)
        }
    }
}
