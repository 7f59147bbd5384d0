// Stage 2 · APIServer: the self-reviews as kubectl 1.28 and later send them, in protobuf.
//
// Newer kubectls send built-in kinds as protobuf (`ProtobufMessage.swift` explains the
// wire format, `ProtobufEnvelope.swift` the envelope). For `auth whoami` the body is an
// empty SelfSubjectReview, so nothing in it matters; for `auth can-i` the question is in
// the spec. Field numbers from `k8s.io/api/authorization/v1/generated.proto`:
//
//   SelfSubjectAccessReview:      1 metadata  2 spec  3 status
//   SelfSubjectAccessReviewSpec:  1 resourceAttributes  2 nonResourceAttributes
//   ResourceAttributes:           1 namespace  2 verb  3 group  4 version  5 resource  6 subresource  7 name
//   NonResourceAttributes:        1 path  2 verb
//
// The metadata and status of a question are not read: the answer is made from the spec.

import ClusterKinds

extension SelfSubjectAccessReviewer {
    public static func object(protobuf body: [UInt8]) -> SelfSubjectAccessReview? {
        guard let object = ProtobufEnvelope(body, kind: "SelfSubjectAccessReview")?.object else { return nil }
        var review = SelfSubjectAccessReview()
        guard let spec = object.message(2) else { return review }
        review.spec.resourceAttributes = spec.message(1).map(resourceAttributes)
        review.spec.nonResourceAttributes = spec.message(2).map(nonResourceAttributes)
        return review
    }

    private static func resourceAttributes(_ message: ProtobufMessage) -> ResourceAttributes {
        ResourceAttributes(
            namespace: message.string(1) ?? "", verb: message.string(2) ?? "", group: message.string(3) ?? "",
            version: message.string(4) ?? "", resource: message.string(5) ?? "", subresource: message.string(6) ?? "",
            name: message.string(7) ?? "")
    }

    private static func nonResourceAttributes(_ message: ProtobufMessage) -> NonResourceAttributes {
        NonResourceAttributes(path: message.string(1) ?? "", verb: message.string(2) ?? "")
    }
}

extension SelfSubjectReviewer {
    public static func object(protobuf body: [UInt8]) -> SelfSubjectReview? {
        ProtobufEnvelope(body, kind: "SelfSubjectReview").map { _ in SelfSubjectReview() }
    }
}
