// Tests of the API server's HTTP honesty (issue 9): status lines carry HTTP's reason
// phrase, not Kubernetes' reason word; refusals before routing are still Status objects;
// an encoded slash stays inside a name; a NUL or invalid UTF-8 in a path is refused; and
// the listening line names the address the server is bound to.

import API
import APIMachinery
import APIServer
import Common
import Foundation
@testable import HTTP
@testable import HTTPClient
import Storage
import Testing
@testable import TestSupport

/// Sends `raw` on a fresh connection to `client`'s server and returns everything it answers.
private func exchange(_ raw: String, with client: HTTPClient) async throws -> String {
    let socket = try await Socket.connecting(to: "127.0.0.1", port: client.baseURL.port)
    defer { socket.close() }
    try await socket.write(Array(raw.utf8))
    var received: [UInt8] = []
    while let bytes = try? await socket.read(maxBytes: 64 * 1024), !bytes.isEmpty { received += bytes }
    return String(decoding: received, as: UTF8.self)
}

@Suite struct StatusLineAndPathTests {
    @Test func aStatusLineCarriesHTTPsPhraseAndTheBodyKubernetesReason() async throws {
        try await withInProcessAPIServer { client in
            let missing = try await client.send(HTTPClientRequest(target: "/api/v1/namespaces/default/pods/nothing"))
            #expect(missing.status.code == 404 && missing.status.reason == "Not Found")
            #expect(try APIJSON.decode(Status.self, from: missing.data).reason == .notFound)
            let refused = try await client.send(HTTPClientRequest(method: "PUT", target: "/api/v1/namespaces/default/pods"))
            #expect(refused.status.reason == "Method Not Allowed")
        }
    }

    @Test func refusalsBeforeRoutingHaveHTTPsPhrases() async throws {
        try await withInProcessAPIServer { client in
            let tooLarge = try await exchange("POST /api/v1/namespaces/default/pods HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: \(HTTPLimits.apiServerMaxBodyBytes + 1)\r\n\r\n", with: client)
            #expect(tooLarge.hasPrefix("HTTP/1.1 413 Request Entity Too Large\r\n"), "\(tooLarge.prefix(60))")
            #expect(tooLarge.contains(#""reason":"RequestEntityTooLarge""#))
            let version = try await exchange("GET /api HTTP/2.0\r\nHost: x\r\n\r\n", with: client)
            #expect(version.hasPrefix("HTTP/1.1 505 HTTP Version Not Supported\r\n"), "\(version.prefix(60))")
            let header = try await exchange("GET /api HTTP/1.1\r\nHost: x\r\nX: \(String(repeating: "h", count: 20_000))\r\n\r\n", with: client)
            #expect(header.hasPrefix("HTTP/1.1 431 Request Header Fields Too Large\r\n"), "\(header.prefix(60))")
        }
    }

    @Test func anHTTP11RequestWithoutHostIsABadRequestStatus() async throws {
        try await withInProcessAPIServer { client in
            let answer = try await exchange("GET /api/v1/namespaces HTTP/1.1\r\n\r\n", with: client)
            #expect(answer.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
            #expect(answer.contains(#""message":"missing required Host header""#))
        }
    }

    @Test func anEncodedSlashInANameIsPartOfTheNameNotARoute() async throws {
        try await withInProcessAPIServer { client in
            // Decoded before routing, this would be pod "a" and its subresource "log".
            let answer = try await client.send(HTTPClientRequest(target: "/api/v1/namespaces/default/pods/a%2Flog"))
            #expect(answer.status.code == 404)
            #expect(try APIJSON.decode(Status.self, from: answer.data).message == #"pods "a/log" not found"#)
        }
    }

    @Test func aNULOrInvalidUTF8InAPathIsRefused() async throws {
        try await withInProcessAPIServer { client in
            for path in ["/api/v1/namespaces/default/pods/web%00", "/api/v1/namespaces/%FF/pods"] {
                let answer = try await client.send(HTTPClientRequest(target: path))
                #expect(answer.status.code == 400, "\(path)")
                #expect(try APIJSON.decode(Status.self, from: answer.data).reason == .badRequest)
            }
        }
    }

    @Test func theListeningLineNamesTheAddressTheServerIsBoundTo() async throws {
        #if os(Linux)
        // All of 127.0.0.0/8 is loopback on Linux, so a second loopback address is at hand.
        let logs = LogCollector()
        let server = try APIServer(store: MemoryStore(), resources: stage2Resources, watch: PollingWatch(),
                                   host: "127.0.0.2", port: 0, logger: logs.logger(label: "apiserver", level: .info))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            defer { group.cancelAll() }
            try await eventually("the listening line") { logs.collected.contains { $0.contains("listening") } }
            let line = logs.collected.first { $0.contains("listening") } ?? ""
            #expect(line.contains("address=127.0.0.2:\(server.port)"), "\(line)")
        }
        #else
        print("skipped: only Linux routes all of 127.0.0.0/8 to loopback, so 127.0.0.2 is not bound here")
        #endif
    }
}
