// `kubectl auth can-i` and `kubectl auth whoami` get honest answers: allowed, anonymous.

import API
import APIMachinery
import APIServer
import ClusterKinds
import Foundation
@testable import HTTPClient
import Testing

@Suite struct SelfReviewTests {
    func send(_ client: HTTPClient, _ method: String, _ target: String, body: String = "") async throws -> HTTPClientResponse {
        try await client.send(HTTPClientRequest(method: method, target: target, headers: ["Content-Type": "application/json"], body: Array(body.utf8)))
    }

    @Test func anAccessReviewIsAllowedWithAReasonAndStoresNothing() async throws {
        try await withInProcessAPIServer { client in
            let body = #"{"kind":"SelfSubjectAccessReview","apiVersion":"authorization.k8s.io/v1","metadata":{"creationTimestamp":null},"#
                + #""spec":{"resourceAttributes":{"namespace":"default","verb":"create","resource":"pods"}},"status":{"allowed":false}}"#
            let answer = try await send(client, "POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", body: body)
            #expect(answer.status.code == 201)
            let review = try APIJSON.decode(SelfSubjectAccessReview.self, from: answer.data)
            #expect(review.status.allowed && review.status.reason == SelfSubjectAccessReviewer.reason)
            #expect(review.spec.resourceAttributes?.resource == "pods")
            let malformed = try await send(client, "POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", body: #"{"spec":{}}"#)
            #expect(malformed.status.code == 422)
            #expect(try await send(client, "GET", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews").status.code == 405)
        }
    }

    @Test func whoamiIsAnonymousAtV1AndV1beta1() async throws {
        try await withInProcessAPIServer { client in
            for version in ["v1", "v1beta1"] {
                let answer = try await send(client, "POST", "/apis/authentication.k8s.io/\(version)/selfsubjectreviews", body: #"{"metadata":{}}"#)
                #expect(answer.status.code == 201)
                let review = try APIJSON.decode(SelfSubjectReview.self, from: answer.data)
                #expect(review.apiVersion == "authentication.k8s.io/\(version)" && review.kind == "SelfSubjectReview")
                #expect(review.status.userInfo == UserInfo(username: "system:anonymous", groups: ["system:unauthenticated"]))
            }
        }
    }

    /// One length-delimited protobuf field.
    static func field(_ number: UInt8, _ bytes: [UInt8]) -> [UInt8] { [number << 3 | 2, UInt8(bytes.count)] + bytes }

    @Test func kubectl133sProtobufAccessReviewIsRead() async throws {
        let attributes = Self.field(2, Array("create".utf8)) + Self.field(5, Array("pods".utf8))
        let raw = Self.field(2, Self.field(1, attributes))
        let body = [0x6B, 0x38, 0x73, 0x00] + Self.field(1, Self.field(2, Array("SelfSubjectAccessReview".utf8))) + Self.field(2, raw)
        let review = try #require(SelfSubjectAccessReviewer.object(protobuf: body))
        #expect(review.spec.resourceAttributes == ResourceAttributes(verb: "create", resource: "pods"))
        try await withInProcessAPIServer { client in
            let answer = try await client.send(HTTPClientRequest(
                method: "POST", target: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                headers: ["Content-Type": "application/vnd.kubernetes.protobuf"], body: body))
            #expect(answer.status.code == 201)
            #expect(try APIJSON.decode(SelfSubjectAccessReview.self, from: answer.data).status.allowed)
        }
    }
}
