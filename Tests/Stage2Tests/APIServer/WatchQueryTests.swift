// `?watch=` is a boolean as Go parses it: `1` and `True` start a watch, `0` and `false` list.

import Foundation
@testable import HTTPClient
import Testing

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

    /// The body of `GET /api/v1/namespaces?query` from a fresh API server.
    func namespaces(query: String) async throws -> String {
        try await withInProcessAPIServer { client in
            let response = try await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/namespaces?\(query)"))
            return String(decoding: response.data, as: UTF8.self)
        }
    }
}
