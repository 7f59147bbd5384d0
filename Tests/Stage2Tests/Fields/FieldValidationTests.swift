// `?fieldValidation=`: unknown fields are a 400 when Strict, a Warning header each when
// Warn (also the default), nothing when Ignore; another value is a 422. The walk that
// finds them follows the field tables into lists, maps and pointers.

import API
import APIMachinery
import APIServer
import Foundation
@testable import HTTPClient
import Storage
import Testing

@Suite struct FieldValidationTests {
    static let typo = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","labelz":{}},"spec":{"containers":[{"name":"main","image":"busybox","imagee":"x"}],"tolerations":[{"key":"k","operator":"Exists","bogus":1}]}}"#

    func send(_ client: HTTPClient, _ method: String, _ target: String, body: String = "",
              contentType: String = "application/json") async throws -> HTTPClientResponse {
        try await client.send(HTTPClientRequest(method: method, target: target, headers: ["Content-Type": contentType], body: Array(body.utf8)))
    }

    @Test func theWalkFindsUnknownFieldsInsideListsPointersAndMaps() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(Self.typo.utf8))
        #expect(UnknownFields.paths(in: value, of: Pod.self) == [
            "metadata.labelz", "spec.containers[0].imagee", "spec.tolerations[0].bogus",
        ])
        let known = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"spec":{"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"a","operator":"In","values":["b"],"x":1}]}]}}},"containers":[{"resources":{"limits":{"cpu":"1"}},"livenessProbe":{"exec":{"command":["true"]},"periodSeconds":3}}]}}"#.utf8))
        #expect(UnknownFields.paths(in: known, of: Pod.self) == [
            "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].x",
        ], "inlined probe handlers and resource maps are known")
    }

    @Test func strictRefusesEveryUnknownFieldAtOnceAndStoresNothing() async throws {
        try await withInProcessAPIServer { client in
            let refused = try await send(client, "POST", "/api/v1/namespaces/default/pods?fieldValidation=Strict", body: Self.typo)
            #expect(refused.status.code == 400)
            let status = try APIJSON.decode(Status.self, from: refused.data)
            #expect(status.reason == .badRequest)
            #expect(status.message == #"Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.labelz", unknown field "spec.containers[0].imagee", unknown field "spec.tolerations[0].bogus""#)
            #expect(try await send(client, "GET", "/api/v1/namespaces/default/pods/web").status.code == 404)
        }
    }

    @Test func warnAndTheDefaultCreateWithAWarningHeaderPerField() async throws {
        try await withInProcessAPIServer { client in
            for query in ["?fieldValidation=Warn", ""] {
                let created = try await send(client, "POST", "/api/v1/namespaces/default/pods\(query)", body: Self.typo)
                #expect(created.status.code == 201)
                #expect(created.headers.values(for: "Warning") == [
                    #"299 - "unknown field \"metadata.labelz\"""#,
                    #"299 - "unknown field \"spec.containers[0].imagee\"""#,
                    #"299 - "unknown field \"spec.tolerations[0].bogus\"""#,
                ])
                _ = try await send(client, "DELETE", "/api/v1/namespaces/default/pods/web?gracePeriodSeconds=0")
            }
        }
    }

    @Test func ignoreIsSilentAndAnUnknownDirectiveIsA422() async throws {
        try await withInProcessAPIServer { client in
            let created = try await send(client, "POST", "/api/v1/namespaces/default/pods?fieldValidation=Ignore", body: Self.typo)
            #expect(created.status.code == 201 && created.headers.values(for: "Warning").isEmpty)
            let bogus = try await send(client, "POST", "/api/v1/namespaces/default/pods?fieldValidation=Bogus", body: Self.typo)
            #expect(bogus.status.code == 422)
            #expect(try APIJSON.decode(Status.self, from: bogus.data).message
                == #"CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Bogus": supported values: "", "Ignore", "Strict", "Warn""#)
        }
    }

    @Test func patchesAreCheckedAfterTheyApply() async throws {
        try await withInProcessAPIServer { client in
            _ = try await send(client, "POST", "/api/v1/namespaces/default/pods?fieldValidation=Ignore", body: Self.typo)
            let patch = #"{"spec":{"containers":[{"name":"main","imagePullPolicyy":"Always"}]}}"#
            let strict = try await send(client, "PATCH", "/api/v1/namespaces/default/pods/web?fieldValidation=Strict",
                                        body: patch, contentType: "application/strategic-merge-patch+json")
            #expect(strict.status.code == 400)
            #expect(try APIJSON.decode(Status.self, from: strict.data).message
                == #"strict decoding error: unknown field "spec.containers[0].imagePullPolicyy""#)
            let warned = try await send(client, "PATCH", "/api/v1/namespaces/default/pods/web",
                                        body: patch, contentType: "application/strategic-merge-patch+json")
            #expect(warned.status.code == 200)
            #expect(warned.headers.values(for: "Warning") == [#"299 - "unknown field \"spec.containers[0].imagePullPolicyy\"""#])
        }
    }
}

@Suite struct BodyVersionTests {
    @Test func aBodyOfAnotherAPIVersionOrKindIsABadRequest() async throws {
        try await withInProcessAPIServer { client in
            let body = #"{"apiVersion":"apps/v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"main","image":"busybox"}]}}"#
            let refused = try await client.send(HTTPClientRequest(method: "POST", target: "/api/v1/namespaces/default/pods",
                                                                  headers: ["Content-Type": "application/json"], body: Array(body.utf8)))
            #expect(refused.status.code == 400)
            #expect(try APIJSON.decode(Status.self, from: refused.data).message
                == "the API version in the data (apps/v1) does not match the expected API version (v1)")
            let node = #"{"apiVersion":"v1","kind":"Node","metadata":{"name":"web"}}"#
            let wrongKind = try await client.send(HTTPClientRequest(method: "POST", target: "/api/v1/namespaces/default/pods",
                                                                    headers: ["Content-Type": "application/json"], body: Array(node.utf8)))
            #expect(wrongKind.status.code == 400)
            #expect(try APIJSON.decode(Status.self, from: wrongKind.data).message
                == #"Node in version "v1" cannot be handled as a Pod: converting (v1.Node) to (core.Pod): unknown conversion"#)
        }
    }
}

@Suite struct UnsupportedValueTests {
    @Test func aWarningIsSentWithAFailedAnswerToo() async throws {
        try await withInProcessAPIServer { client in
            let body = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"main","imagee":"busybox"}]}}"#
            let refused = try await client.send(HTTPClientRequest(method: "POST", target: "/api/v1/namespaces/default/pods?fieldValidation=Warn",
                                                                  headers: ["Content-Type": "application/json"], body: Array(body.utf8)))
            #expect(refused.status.code == 422, "the image is missing")
            #expect(refused.headers.values(for: "Warning") == [#"299 - "unknown field \"spec.containers[0].imagee\"""#])
        }
    }

    @Test func aValueOutsideAClosedSetIsA422AmongTheOtherProblems() async throws {
        try await withInProcessAPIServer { client in
            let body = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"restartPolicy":"always","containers":[{"name":"main","imagePullPolicy":"Sometimes"}]}}"#
            let refused = try await client.send(HTTPClientRequest(method: "POST", target: "/api/v1/namespaces/default/pods",
                                                                  headers: ["Content-Type": "application/json"], body: Array(body.utf8)))
            #expect(refused.status.code == 422)
            let status = try APIJSON.decode(Status.self, from: refused.data)
            #expect(status.message == #"Pod "web" is invalid: [spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "IfNotPresent", spec.restartPolicy: Unsupported value: "always": supported values: "Always", "OnFailure", "Never", spec.containers[0].image: Required value]"#)
            #expect(status.details?.causes.map(\.reason) == ["FieldValueNotSupported", "FieldValueNotSupported", "FieldValueRequired"])
        }
    }
}

@Suite struct UnmodelledFieldTests {
    @Test func aCoreV1FieldTheModelLeavesOutIsAcceptedWithAWarningEvenWhenStrict() async throws {
        try await withInProcessAPIServer { client in
            let body = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"resources":{"limits":{"cpu":"1"}},"containers":[{"name":"main","image":"busybox","resources":{"claims":[{"name":"gpu"}]}}]}}"#
            let created = try await client.send(HTTPClientRequest(method: "POST", target: "/api/v1/namespaces/default/pods?fieldValidation=Strict",
                                                                  headers: ["Content-Type": "application/json"], body: Array(body.utf8)))
            #expect(created.status.code == 201)
            #expect(created.headers.values(for: "Warning") == [
                #"299 - "field \"spec.containers[0].resources.claims\" is not modelled by this API server and was dropped""#,
                #"299 - "field \"spec.resources\" is not modelled by this API server and was dropped""#,
            ])
        }
    }
}

@Suite struct DuplicateFieldTests {
    @Test func strictReportsADuplicateFieldBesideTheUnknownOnes() async throws {
        try await withInProcessAPIServer { client in
            let body = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"main","image":"busybox","image":"busybox","imagee":"x"}]}}"#
            let refused = try await client.send(HTTPClientRequest(method: "POST", target: "/api/v1/namespaces/default/pods?fieldValidation=Strict",
                                                                  headers: ["Content-Type": "application/json"], body: Array(body.utf8)))
            #expect(refused.status.code == 400)
            #expect(try APIJSON.decode(Status.self, from: refused.data).message
                == #"Pod in version "v1" cannot be handled as a Pod: strict decoding error: duplicate field "spec.containers[0].image", unknown field "spec.containers[0].imagee""#)
        }
    }
}

extension UnsupportedValueTests {
    @Test func aPatchToAValueOutsideAClosedSetIsA422Too() async throws {
        try await withInProcessAPIServer { client in
            let pod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"main","image":"busybox"}]}}"#
            _ = try await client.send(HTTPClientRequest(method: "POST", target: "/api/v1/namespaces/default/pods",
                                                        headers: ["Content-Type": "application/json"], body: Array(pod.utf8)))
            let patch = #"{"spec":{"restartPolicy":"sometimes"}}"#
            let refused = try await client.send(HTTPClientRequest(method: "PATCH", target: "/api/v1/namespaces/default/pods/web",
                                                                  headers: ["Content-Type": "application/merge-patch+json"], body: Array(patch.utf8)))
            #expect(refused.status.code == 422)
            #expect(try APIJSON.decode(Status.self, from: refused.data).message
                == #"Pod "web" is invalid: spec.restartPolicy: Unsupported value: "sometimes": supported values: "Always", "OnFailure", "Never""#)
        }
    }
}
