// Tests of bearer-token authentication (issue 9, item 10): from beyond loopback, without a
// valid token every request but the health checks and the version is 401 Unauthorized,
// word for word Kubernetes'; a wrong token is 401 everywhere; with a good one, whoami
// names its user; from loopback without one, the user is the insecure port's; an API
// server without authentication refuses to listen beyond loopback; `up`'s token file is
// made once and read back unchanged.

import API
import APIMachinery
@testable import APIServer
import ClusterKinds
import Common
import Foundation
import HTTP
@testable import HTTPClient
import Storage
import Testing
@testable import TestSupport

private let adminToken = "0123456789abcdef0123456789abcdef"
private let authenticator = TokenAuthenticator(users: [adminToken: ClusterTokens.administrator])
/// A client beyond this machine (TEST-NET-1, a documentation address): only a string here,
/// handed to the router as the request's origin; no packet is sent anywhere.
private let remoteClient = "192.0.2.7"

/// A router of stage 2's resources that authenticates with `authenticator`.
private func authenticatingRouter() -> APIRouter {
    var router = APIRouter(store: MemoryStore(), resources: stage2Resources, watch: PollingWatch(),
                           serverAddress: "127.0.0.1", logger: .silent)
    router.authenticator = authenticator
    return router
}

/// The router's answer to `method target` from `address`, with `headers`: status code and body.
private func ask(_ router: APIRouter, _ target: String, method: String = "GET", headers: HTTPHeaders = [:],
                 body: String = "", from address: String = remoteClient) async -> (code: Int, body: [UInt8]) {
    let response = await router.handle(HTTPRequest(method: method, target: target, headers: headers,
                                                   body: Array(body.utf8), remoteAddress: address))
    guard case .bytes(let bytes) = response.body else { return (response.status.code, []) }
    return (response.status.code, bytes)
}

@Suite struct BearerTokenTests {
    @Test func aRequestFromBeyondLoopbackWithoutATokenIsAnswered401AsKubernetesAnswersIt() async throws {
        let router = authenticatingRouter()
        for target in ["/api/v1/namespaces/default/pods", "/api", "/apis", "/openapi/v3", "/api/v1/nodes"] {
            let answer = await ask(router, target)
            #expect(answer.code == 401, "\(target)")
            let status = try APIJSON.decode(Status.self, from: Data(answer.body))
            #expect(status.kind == "Status" && status.message == "Unauthorized" && status.reason == .unauthorized
                    && status.code == 401 && status.status == .failure, "\(target)")
        }
        let create = await ask(router, "/api/v1/namespaces/default/pods", method: "POST",
                               headers: ["Content-Type": "application/json"], body: "{}")
        #expect(create.code == 401)
    }

    @Test func healthChecksAndTheVersionAreServedToAnyoneWithoutAToken() async throws {
        let router = authenticatingRouter()
        for target in ["/healthz", "/livez", "/readyz", "/version"] {
            let answer = await ask(router, target)
            #expect(answer.code == 200, "\(target)")
        }
    }

    @Test func aWrongTokenIsRefusedEvenWhereNoneIsNeededAndFromLoopback() async throws {
        let router = authenticatingRouter()
        for header in ["Bearer wrong", "Bearer \(adminToken)x", "Basic YWRtaW46YWRtaW4=", "Bearer "] {
            for target in ["/healthz", "/api/v1/namespaces"] {
                for address in [remoteClient, "127.0.0.1"] {
                    let answer = await ask(router, target, headers: ["Authorization": header], from: address)
                    #expect(answer.code == 401, "\(header) \(target) from \(address)")
                }
            }
        }
    }

    @Test func aValidTokenIsServedAndWhoamiNamesItsUser() async throws {
        let router = authenticatingRouter()
        let bearer: HTTPHeaders = ["Authorization": "Bearer \(adminToken)"]
        #expect(await ask(router, "/api/v1/namespaces/default/pods", headers: bearer).code == 200)
        let review = #"{"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"}"#
        var headers = bearer
        headers.add(name: "Content-Type", value: "application/json")
        let answer = await ask(router, "/apis/authentication.k8s.io/v1/selfsubjectreviews", method: "POST", headers: headers, body: review)
        #expect(answer.code == 201)
        let user = try APIJSON.decode(SelfSubjectReview.self, from: Data(answer.body)).status.userInfo
        #expect(user.username == "admin" && user.uid == "admin")
        #expect(user.groups == ["system:masters", "system:authenticated"])
        // The scheme is case-insensitive, as HTTP's authentication schemes are.
        #expect(await ask(router, "/api/v1/namespaces", headers: ["Authorization": "bearer \(adminToken)"]).code == 200)
    }

    @Test func aRequestFromThisMachineWithoutATokenIsKubernetesInsecurePortUser() async throws {
        // kubectl sends no token over plain HTTP; on loopback it is served, as the old insecure port served it.
        let server = try APIServer(store: MemoryStore(), resources: stage2Resources, watch: PollingWatch(), port: 0,
                                   logger: .silent, authenticator: authenticator)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            defer { group.cancelAll() }
            let client = HTTPClient(baseURL: HTTPURL(host: "127.0.0.1", port: server.port))
            try await eventually("the server to answer") {
                try await client.send(HTTPClientRequest(target: "/api/v1/namespaces")).status.code == 200
            }
            let review = #"{"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"}"#
            let answer = try await client.send(HTTPClientRequest(method: "POST", target: "/apis/authentication.k8s.io/v1/selfsubjectreviews",
                                                                 headers: ["Content-Type": "application/json"], body: Array(review.utf8)))
            let user = try APIJSON.decode(SelfSubjectReview.self, from: answer.data).status.userInfo
            #expect(user == TokenAuthenticator.loopbackUser)
            // The client's token, when it has one, is what names it, over the same loopback.
            let admin = HTTPClient(baseURL: HTTPURL(host: "127.0.0.1", port: server.port), bearerToken: adminToken)
            let named = try await admin.send(HTTPClientRequest(method: "POST", target: "/apis/authentication.k8s.io/v1/selfsubjectreviews",
                                                               headers: ["Content-Type": "application/json"], body: Array(review.utf8)))
            #expect(try APIJSON.decode(SelfSubjectReview.self, from: named.data).status.userInfo.username == "admin")
        }
    }

    @Test func listeningBeyondLoopbackWithoutAuthenticationIsRefused() throws {
        // Refused before any socket is bound: nothing listens, even for a moment.
        #expect(throws: APIServer.UnauthenticatedAddress.self) {
            _ = try APIServer(store: MemoryStore(), resources: stage2Resources, watch: PollingWatch(),
                              host: "0.0.0.0", port: 0, logger: .silent)
        }
        #expect(APIServer.isLoopback("127.0.0.2") && APIServer.isLoopback("::1") && !APIServer.isLoopback("0.0.0.0"))
    }

    @Test func upsTokenFileIsMadeOnceAndReadBackUnchanged() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "tokens-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: ClusterTokens.fileName).path
        let first = try ClusterTokens(file: path, nodeName: "node1")
        #expect(first.administratorToken.count == 64 && first.administratorToken != first.nodeToken)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the token file is its owner's alone")
        // A restart: the same tokens, so an earlier kubeconfig still works.
        let again = try ClusterTokens(file: path, nodeName: "node1")
        #expect(again.administratorToken == first.administratorToken && again.nodeToken == first.nodeToken)
        let users = try TokenFile.read(path)
        #expect(users[first.nodeToken] == ClusterTokens.node("node1"))
        #expect(users[first.administratorToken] == ClusterTokens.administrator)
    }

    @Test func aTokenFileInKubernetesFormatIsRead() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "token-file-\(UUID().uuidString.prefix(8)).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("# comment\nt1,alice,1001,\"dev,ops\"\nt2,bob,1002\n".utf8).write(to: file)
        let users = try TokenFile.read(file.path)
        #expect(users["t1"] == UserInfo(username: "alice", uid: "1001", groups: ["dev", "ops"]))
        #expect(users["t2"] == UserInfo(username: "bob", uid: "1002"))
        try Data("only-a-token\n".utf8).write(to: file)
        #expect(throws: TokenFile.Malformed.self) { try TokenFile.read(file.path) }
    }
}
