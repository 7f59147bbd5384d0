// `?watch=` is a boolean as Go parses it: `1` and `True` start a watch, `0` and `false` list.

import APIServer
import Foundation
@testable import HTTPClient
import Storage
import Testing
@testable import TestSupport

@Suite struct WatchQueryTests {
    @Test(arguments: ["true", "1", "True", "t"])
    func aTrueWatchParameterStartsAWatch(value: String) async throws {
        let body = try await namespaces(query: "watch=\(value)&timeoutSeconds=1")
        #expect(body.contains(#""type":"ADDED""#) && !body.contains("NamespaceList"), "\(body.prefix(200))")
    }

    @Test(arguments: ["false", "0", ""])
    func aFalseWatchParameterLists(value: String) async throws {
        let body = try await namespaces(query: "watch=\(value)")
        #expect(body.contains(#""kind":"NamespaceList""#), "\(body.prefix(200))")
    }

    /// The body of `GET /api/v1/namespaces?query` from a fresh API server, once its
    /// built-in namespaces exist.
    func namespaces(query: String) async throws -> String {
        let server = try APIServer(store: MemoryStore(), resources: stage2Resources, watch: PollingWatch(), port: 0, logger: .silent)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            defer { group.cancelAll() }
            let client = try HTTPClient(baseURL: "http://127.0.0.1:\(server.port)")
            try await eventually("the built-in namespaces to exist") {
                try await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/namespaces/kube-node-lease")).status.code == 200
            }
            let response = try await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/namespaces?\(query)"))
            return String(decoding: response.data, as: UTF8.self)
        }
    }
}
