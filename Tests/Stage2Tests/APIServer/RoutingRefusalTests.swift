// A method a path has no route for is Kubernetes' 405; an Accept header that allows no
// JSON is 406; exec, attach and port-forward say plainly that they are not built yet.

import API
import APIMachinery
import APIServer
import Foundation
import HTTP
@testable import HTTPClient
import Testing

@Suite struct RoutingRefusalTests {
    static let pod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"main","image":"busybox"}]}}"#

    func send(_ client: HTTPClient, _ method: String, _ target: String, body: String = "", accept: String? = nil) async throws -> HTTPClientResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let accept { headers.add(name: "Accept", value: accept) }
        return try await client.send(HTTPClientRequest(method: method, target: target, headers: headers, body: Array(body.utf8)))
    }

    @Test func putOnACollectionAndPostOnAnObjectAreKubernetes405() async throws {
        try await withInProcessAPIServer { client in
            _ = try await send(client, "POST", "/api/v1/namespaces/default/pods", body: Self.pod)
            for (method, target) in [("PUT", "/api/v1/namespaces/default/pods"), ("POST", "/api/v1/namespaces/default/pods/web"),
                                     ("PATCH", "/api/v1/nodes"), ("DELETE", "/api/v1/namespaces"), ("POST", "/api/v1/namespaces/default/pods/web/log")] {
                let refused = try await send(client, method, target, body: Self.pod)
                #expect(refused.status.code == 405, "\(method) \(target)")
                #expect(String(decoding: refused.data, as: UTF8.self) == #"{"apiVersion":"v1","code":405,"details":{},"kind":"Status","#
                    + #""message":"the server does not allow this method on the requested resource","metadata":{},"reason":"MethodNotAllowed","status":"Failure"}"#)
            }
        }
    }

    @Test func anAcceptHeaderWithoutJSONIs406AndKubectlsHeadersAreServed() async throws {
        try await withInProcessAPIServer { client in
            let refused = try await send(client, "GET", "/api/v1/namespaces/default/pods", accept: "text/html")
            #expect(refused.status.code == 406)
            let status = try APIJSON.decode(Status.self, from: refused.data)
            #expect(status.reason == .notAcceptable && status.message == "only the following media types are accepted: application/json")
            #expect(try await send(client, "GET", "/api", accept: "text/html").status.code == 406)
            for accept in ["application/json;as=Table;v=v1;g=meta.k8s.io,application/json", "application/json, */*",
                           "application/vnd.kubernetes.protobuf,application/json", "*/*", "text/html, application/*"] {
                #expect(try await send(client, "GET", "/api/v1/namespaces/default/pods", accept: accept).status.code == 200, "\(accept)")
            }
            #expect(try await send(client, "GET", "/healthz", accept: "text/html").status.code == 200)
        }
    }

    @Test func execAttachAndPortForwardSayTheyAreNotBuiltYet() async throws {
        try await withInProcessAPIServer { client in
            _ = try await send(client, "POST", "/api/v1/namespaces/default/pods", body: Self.pod)
            for (method, subresource) in [("POST", "exec"), ("GET", "exec"), ("POST", "attach"), ("POST", "portforward")] {
                let answer = try await send(client, method, "/api/v1/namespaces/default/pods/web/\(subresource)?command=ls")
                #expect(answer.status.code == 501)
                let status = try APIJSON.decode(Status.self, from: answer.data)
                #expect(status.message.hasPrefix("pods/\(subresource) is not built yet in this series"), "\(status.message)")
            }
            let missing = try await send(client, "POST", "/api/v1/namespaces/default/pods/nope/exec")
            #expect(missing.status.code == 404, "a missing pod is still NotFound")
        }
    }
}
