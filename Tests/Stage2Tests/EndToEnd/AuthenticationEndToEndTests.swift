// `stage2 up` authenticates (issue 9, item 10): the kubeconfig's token names its user, a
// wrong token is 401, kubectl (which sends no token over plain HTTP) is the loopback
// user, and a restart on the same data directory keeps the token.

import Foundation
import Testing
@testable import TestSupport

@Suite("Stage 2 authentication end to end", .serialized, .tags(.endToEnd))
struct AuthenticationEndToEndTests {
    static let review = #"{"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"}"#

    @Test func upAuthenticatesWithTheKubeconfigsTokenAndKeepsItAcrossARestartEndToEnd() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        let token = try #require(cluster.token, "up wrote no token into its kubeconfig")
        let wrong = try await TestHTTPClient().get(port: cluster.port, path: "/api/v1/namespaces/default/pods",
                                                   headers: ["Authorization": "Bearer not-\(token)"])
        #expect(wrong.status == 401, "\(wrong.body)")
        #expect(wrong.body.contains(#""reason":"Unauthorized""#))
        let admitted = try await TestHTTPClient().get(port: cluster.port, path: "/api/v1/namespaces/default/pods",
                                                      headers: cluster.authorization)
        #expect(admitted.status == 200)
        if let curl = Tools.path(of: "curl") {
            let whoami = try StageProcess(
                executable: URL(fileURLWithPath: curl),
                arguments: ["-s", "-X", "POST", "-H", "Content-Type: application/json", "-H", "Authorization: Bearer \(token)",
                            "-d", Self.review, "http://127.0.0.1:\(cluster.port)/apis/authentication.k8s.io/v1/selfsubjectreviews"],
                name: "curl")
            #expect(try await whoami.waitForExit(timeout: .seconds(30)) == 0)
            #expect(whoami.output.contains(#""username":"admin""#), "\(whoami.output)")
        }
        if Tools.isInstalled("kubectl") {
            let whoami = try await cluster.kubectl("auth", "whoami")
            #expect(whoami.status == 0 && whoami.output.contains("system:unsecured"), "\(whoami.output)")
        } else {
            print("skipped kubectl auth whoami: kubectl is not installed")
        }
        try await cluster.interrupt()

        // The same data directory again: the token file is read back, not made anew.
        let restarted = try await RunningCluster(directory: cluster.directory, marker: cluster.marker)
        defer { Task { await restarted.cleanUp() } }
        #expect(restarted.token == token)
        let again = try await TestHTTPClient().get(port: restarted.port, path: "/api/v1/namespaces/default/pods",
                                                   headers: ["Authorization": "Bearer \(token)"])
        #expect(again.status == 200)
        try await restarted.interrupt()
    }
}
