import API
import APIMachinery
import APIServer
import Common
import Foundation
import HTTP
@testable import HTTPClient
import Storage
import Testing

/// The API server in-process, over the in-memory store, driven by the HTTP client.
@Suite struct APIServerTests {
    func withAPIServer(_ body: (HTTPClient) async throws -> Void) async throws {
        try await withInProcessAPIServer(body)
    }

    func status(of response: HTTPClientResponse) throws -> Status {
        try APIJSON.decode(Status.self, from: response.data)
    }

    @Test func aBodyOverThreeMebibytesIsRefusedWithAStatus413() async throws {
        try await withAPIServer { client in
            let body = [UInt8](repeating: UInt8(ascii: "a"), count: 3 * 1024 * 1024 + 1)
            let response = try await client.send(HTTPClientRequest(
                method: "POST", target: "/api/v1/namespaces/default/pods",
                headers: ["Content-Type": "application/json"], body: body))
            #expect(response.status.code == 413)
            let status = try status(of: response)
            #expect(status.reason == .requestEntityTooLarge && status.code == 413)
        }
    }

    @Test func aPodInAMissingNamespaceIsNotFound() async throws {
        try await withAPIServer { client in
            let pod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"main","image":"busybox"}]}}"#
            let response = try await client.send(HTTPClientRequest(
                method: "POST", target: "/api/v1/namespaces/nowhere/pods",
                headers: ["Content-Type": "application/json"], body: Array(pod.utf8)))
            #expect(response.status.code == 404)
            #expect(try status(of: response).message == #"namespaces "nowhere" not found"#)
        }
    }

    @Test func anUnknownPathIsAStatus404AndAnUnsupportedBodyA415() async throws {
        try await withAPIServer { client in
            let missing = try await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/widgets"))
            #expect(missing.status.code == 404)
            #expect(try status(of: missing).message == "the server could not find the requested resource")
            let protobuf = try await client.send(HTTPClientRequest(
                method: "POST", target: "/api/v1/namespaces/default/pods",
                headers: ["Content-Type": "application/vnd.kubernetes.protobuf"], body: [0x6b, 0x38, 0x73, 0x00]))
            #expect(protobuf.status.code == 415)
        }
    }
}
