// Stage 2 · APIServer tests: `pods/{name}/log` relays the kubelet's answer as it comes.
//
// A log may be hundreds of megabytes, more than the server would ever hold in one answer,
// so the API server must pass the kubelet's answer on piece by piece, not gather it. The
// test's stand-in kubelet sends a first line, then holds the rest back until the test's
// client has received that line through the API server: a server that gathered the whole
// answer before sending any would never pass the first line on, and the test would fail
// on its deadline. The kubelet's refusals come back as 400 Status objects.

import API
import APIMachinery
import APIServer
import Foundation
import HTTP
@testable import HTTPClient
import Storage
import Synchronization
import Testing
@testable import TestSupport

@Suite struct PodLogProxyTests {
    /// A stand-in kubelet: `/containerLogs/default/web/main` sends "first", then waits until
    /// `released` opens, then "second"; any other container is a 400.
    final class FakeKubelet: Sendable {
        /// Opened once by the test; the stand-in awaits it instead of polling.
        final class Gate: Sendable {
            let isOpen = Atomic(false)
            private let opened: AsyncStream<Void>
            private let continuation: AsyncStream<Void>.Continuation

            init() { (opened, continuation) = AsyncStream.makeStream() }

            func open() {
                isOpen.store(true, ordering: .relaxed)
                continuation.finish()
            }

            /// Returns once the gate is open, or when the waiting task is cancelled.
            func waitUntilOpen() async {
                for await _ in opened {}
            }
        }
        let released = Gate()
        let server: HTTPServer

        init() throws {
            let released = released
            server = try HTTPServer(port: 0, logger: .silent) { request in
                guard request.path == "/containerLogs/default/web/main" else {
                    return .text("container \"other\" in pod \"web\" is waiting to start: ContainerCreating\n", status: .badRequest)
                }
                return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"]) { writer in
                    try await writer.write("first\n")
                    await released.waitUntilOpen()
                    try await writer.write("second\n")
                }
            }
        }
    }

    func create(_ client: HTTPClient, kubeletPort: Int) async throws {
        let node = #"{"apiVersion":"v1","kind":"Node","metadata":{"name":"node1"},"status":{"addresses":[{"type":"InternalIP","address":"127.0.0.1"}],"daemonEndpoints":{"kubeletEndpoint":{"Port":\#(kubeletPort)}}}}"#
        let pod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"nodeName":"node1","containers":[{"name":"main","image":"busybox"},{"name":"other","image":"busybox"}]}}"#
        for (target, body) in [("/api/v1/nodes", node), ("/api/v1/namespaces/default/pods", pod)] {
            let created = try await client.send(HTTPClientRequest(method: "POST", target: target,
                                                                  headers: ["Content-Type": "application/json"], body: Array(body.utf8)))
            #expect(created.status.code == 201, "\(created.text)")
        }
    }

    /// Runs the stand-in kubelet and an API server that knows its node and pod `web`.
    func withKubeletAndAPIServer(_ body: @escaping @Sendable (FakeKubelet, HTTPClient) async throws -> Void) async throws {
        let kubelet = try FakeKubelet()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await kubelet.server.run() }
            defer { group.cancelAll() }
            try await withInProcessAPIServer { client in
                try await create(client, kubeletPort: kubelet.server.port)
                try await body(kubelet, client)
            }
        }
    }

    @Test func aPodLogIsRelayedAsTheKubeletSendsItNotGatheredFirst() async throws {
        try await withKubeletAndAPIServer { kubelet, client in
            let (head, body) = try await client.stream(HTTPClientRequest(
                method: "GET", target: "/api/v1/namespaces/default/pods/web/log?container=main", timeout: .seconds(5)))
            #expect(head.status.code == 200)
            let received = try await withDeadline(seconds: 8) {
                var text = ""
                for try await piece in body {
                    text += String(decoding: piece, as: UTF8.self)
                    if text == "first\n" { kubelet.released.open() }
                }
                return text
            }
            #expect(received == "first\nsecond\n")
            let wasReleased = kubelet.released.isOpen.load(ordering: .relaxed)
            #expect(wasReleased, "the first line came only after the whole answer")
        }
    }

    @Test func aKubeletsRefusalIsABadRequestStatus() async throws {
        try await withKubeletAndAPIServer { _, client in
            let refused = try await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/namespaces/default/pods/web/log?container=other"))
            #expect(refused.status.code == 400)
            #expect(try APIJSON.decode(Status.self, from: refused.data).message
                    == #"container "other" in pod "web" is waiting to start: ContainerCreating"#)
        }
    }
}
