// Stage 4 · API tests: patches of one node from many writers at once all land.
//
// With several nodes, heartbeats and `kubectl label/taint/cordon`, one Node is written by
// many hands at once. A patch that names no resourceVersion is applied again to the new
// version when another write came first, as Kubernetes' storage retries, so none of them
// fails and none is lost.

import API
import ClusterKinds
import HTTPClient
import Testing
@testable import TestSupport

@Suite struct PatchConflictTests {
    static func patch(_ api: SchedulingAPI, _ body: String) async throws -> (code: Int, body: String) {
        let response = try await api.http.send(HTTPClientRequest(
            method: "PATCH", target: "/api/v1/nodes/busy", headers: ["Content-Type": "application/merge-patch+json"],
            body: Array(body.utf8)))
        return (response.status.code, response.text)
    }

    @Test func concurrentPatchesOfOneNodeAllLandAndNoneIsLost() async throws {
        try await withSchedulingAPI { api in
            try await api.client.create(Node(metadata: ObjectMeta(name: "busy")))
            let writers = 16
            let codes = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<writers {
                    group.addTask { try await Self.patch(api, #"{"metadata":{"labels":{"writer-\#(index)":"yes"}}}"#).code }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(codes.allSatisfy { $0 == 200 }, "\(codes)")
            let labels = try await api.client.get(Node.self, name: "busy").metadata.labels
            #expect((0..<writers).allSatisfy { labels["writer-\($0)"] == "yes" }, "\(labels)")
        }
    }
}
