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
}
