// Status objects as the API server sends them, and each error factory's exact words.

import API
import APIMachinery
import Testing

/// A real API server's answer to `GET /api/v1/namespaces/default/pods/web` for a missing pod.
private let notFoundBody = #"""
    {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"web\" not found",
     "reason":"NotFound","details":{"name":"web","kind":"pods"},"code":404}
    """#

/// A real API server's answer to creating a pod whose container has no image.
private let invalidBody = #"""
    {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
     "message":"Pod \"web\" is invalid: spec.containers[0].image: Required value","reason":"Invalid",
     "details":{"name":"web","kind":"Pod","causes":[{"reason":"FieldValueRequired","message":"Required value",
     "field":"spec.containers[0].image"}]},"code":422}
    """#

@Test func notFoundStatusRoundTrips() throws {
    #expect(try roundTrips(Status.self, notFoundBody))
}

@Test func invalidStatusWithCausesRoundTrips() throws {
    #expect(try roundTrips(Status.self, invalidBody))
    let status = try decoded(Status.self, invalidBody)
    #expect(status.details?.causes.first?.field == "spec.containers[0].image")
    #expect(status.reason == .invalid)
}

@Test func notFoundFactoryMatchesTheRealServersBody() throws {
    #expect(try encodedValue(Status.notFound(.pods, name: "web")) == jsonValue(notFoundBody))
}

@Test func invalidFactoryWithOneErrorMatchesTheRealServersBody() throws {
    let status = Status.invalid(
        GroupKind(kind: "Pod"), name: "web", errors: [FieldError(.required, "spec.containers[0].image")])
    #expect(try encodedValue(status) == jsonValue(invalidBody))
}

@Test func invalidMessageBracketsSeveralErrors() {
    let status = Status.invalid(GroupKind(kind: "Pod"), name: "web", errors: [
        FieldError(.required, "spec.containers[0].image"),
        FieldError(.invalid, "metadata.name", value: "Web", "must be lowercase"),
    ])
    #expect(status.message
        == #"Pod "web" is invalid: [spec.containers[0].image: Required value, metadata.name: Invalid value: "Web": must be lowercase]"#)
    #expect(status.details?.causes.map(\.reason) == ["FieldValueRequired", "FieldValueInvalid"])
    #expect(status.details?.causes.last?.message == #"Invalid value: "Web": must be lowercase"#)
}

@Test func invalidMessageDropsRepeatsButCausesKeepThem() {
    let error = FieldError(.duplicate, "spec.containers[1].name", value: "web")
    let status = Status.invalid(GroupKind(kind: "Pod"), name: "web", errors: [error, error])
    #expect(status.message == #"Pod "web" is invalid: spec.containers[1].name: Duplicate value: "web""#)
    #expect(status.details?.causes.count == 2)
}

@Test func invalidWithoutErrorsSaysOnlyInvalid() {
    #expect(Status.invalid(GroupKind(kind: "Pod"), name: "web", errors: []).message == #"Pod "web" is invalid"#)
}

@Test func invalidNamesANonCoreKindWithItsGroup() {
    let status = Status.invalid(GroupKind(group: "apps", kind: "Deployment"), name: "web", errors: [])
    #expect(status.message == #"Deployment.apps "web" is invalid"#)
    #expect(status.details?.group == "apps")
}

@Test func requiredAndForbiddenCausesNeverShowTheValue() {
    #expect(FieldError(.required, "a", value: "x").body == "Required value")
    #expect(FieldError(.forbidden, "a", value: "x", "not allowed").body == "Forbidden: not allowed")
    #expect(FieldError(.notSupported, "a", value: "x", #"supported values: "A""#).body
        == #"Unsupported value: "x": supported values: "A""#)
}

@Test func alreadyExistsFactory() {
    let status = Status.alreadyExists(.pods, name: "web")
    #expect(status.message == #"pods "web" already exists"#)
    #expect(status.code == 409)
    #expect(status.reason == .alreadyExists)
    #expect(status.details == StatusDetails(name: "web", kind: "pods"))
}

@Test func conflictFactoryUsesTheOptimisticLockMessage() {
    let status = Status.conflict(.pods, name: "web")
    #expect(status.message
        == #"Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again"#)
    #expect(status.code == 409)
    #expect(status.reason == .conflict)
}

@Test func notFoundNamesANonCoreResourceWithItsGroup() {
    let status = Status.notFound(GroupResource(group: "apps", resource: "deployments"), name: "web")
    #expect(status.message == #"deployments.apps "web" not found"#)
    #expect(status.details == StatusDetails(name: "web", group: "apps", kind: "deployments"))
}

@Test func badRequestFactory() {
    let status = Status.badRequest("the server rejected our request")
    #expect(status.message == "the server rejected our request")
    #expect(status.code == 400)
    #expect(status.reason == .badRequest)
    #expect(status.details == nil)
}

@Test func methodNotSupportedFactory() {
    let status = Status.methodNotSupported(.nodes, action: "create")
    #expect(status.message == #"create is not supported on resources of kind "nodes""#)
    #expect(status.code == 405)
    #expect(status.reason == .methodNotAllowed)
    #expect(status.details == StatusDetails(kind: "nodes"))
}

@Test func requestEntityTooLargeFactory() {
    let status = Status.requestEntityTooLarge("limit is 3145728")
    #expect(status.message == "Request entity too large: limit is 3145728")
    #expect(status.code == 413)
    #expect(status.reason == .requestEntityTooLarge)
}

@Test func unsupportedMediaTypeFactory() {
    let status = Status.unsupportedMediaType(accepted: ["application/json", "application/yaml"])
    #expect(status.message
        == "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml")
    #expect(status.code == 415)
    #expect(status.reason == .unsupportedMediaType)
}

@Test func notAcceptableFactory() {
    let status = Status.notAcceptable(accepted: ["application/json"])
    #expect(status.message == "only the following media types are accepted: application/json")
    #expect(status.code == 406)
    #expect(status.reason == .notAcceptable)
}

@Test func internalErrorFactoryRepeatsTheErrorAsItsCause() throws {
    let status = Status.internalError("disk full")
    #expect(status.message == "Internal error occurred: disk full")
    #expect(status.code == 500)
    #expect(try encodedValue(status.details) == jsonValue(#"{"causes": [{"message": "disk full"}]}"#))
}

@Test func resourceExpiredFactory() {
    let status = Status.resourceExpired("too old resource version: 5 (120)")
    #expect(status.code == 410)
    #expect(status.reason == .expired)
}

@Test func successStatusMatchesADeleteAnswer() throws {
    let expected = try jsonValue(#"""
        {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Success",
         "details": {"name": "web.17cb", "kind": "events", "uid": "0f1e"}}
        """#)
    #expect(try encodedValue(Status.success(.events, name: "web.17cb", uid: "0f1e")) == expected)
}

@Test func statusIsAThrowableErrorDescribedByItsMessage() {
    #expect(throws: Status.notFound(.nodes, name: "n1")) { throw Status.notFound(.nodes, name: "n1") }
    #expect(String(describing: Status.notFound(.nodes, name: "n1")) == #"nodes "n1" not found"#)
}

@Test func namesAndValuesAreQuotedAsGoQuotesThem() {
    let status = Status.invalid(GroupKind(kind: "Pod"), name: "a\"b", errors: [
        FieldError(.invalid, "metadata.labels", value: "tab\there\u{1}é", "bad"),
    ])
    #expect(status.message == #"Pod "a\"b" is invalid: metadata.labels: Invalid value: "tab\there\x01é": bad"#)
}

@Test func unknownReasonDecodesAndEmptyReasonIsLeftOut() throws {
    #expect(try decoded(Status.self, #"{"reason": "SomethingNew"}"#).reason == "SomethingNew")
    #expect(try encodedValue(Status(code: 500)) == jsonValue(#"{"apiVersion": "v1", "kind": "Status", "metadata": {}, "code": 500}"#))
}
