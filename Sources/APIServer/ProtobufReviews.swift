// Stage 2 · APIServer: the self-reviews as kubectl 1.28 and later send them, in protobuf.
//
// Newer kubectls send built-in kinds as protobuf (see `ProtobufNamespace.swift` for the
// format and the reader). For `auth whoami` the body is an empty SelfSubjectReview, so
// nothing in it matters; for `auth can-i` the question is in the spec:
//
//   SelfSubjectAccessReview: 1: metadata  2: spec  3: status
//   spec:  1: resourceAttributes  2: nonResourceAttributes
//   resourceAttributes: 1: namespace 2: verb 3: group 4: version 5: resource 6: subresource 7: name
//   nonResourceAttributes: 1: path 2: verb

import API
import ClusterKinds

extension SelfSubjectAccessReviewer {
    public static func object(protobuf body: [UInt8]) -> SelfSubjectAccessReview? {
        guard let raw = protobufObject(body, kind: "SelfSubjectAccessReview"), let object = ProtobufNamespace.fields(raw) else { return nil }
        var review = SelfSubjectAccessReview()
        guard let spec = object[2]?.first.flatMap(ProtobufNamespace.fields) else { return review }
        let text = { (fields: [Int: [ArraySlice<UInt8>]], number: Int) in fields[number]?.first.map(ProtobufNamespace.string) ?? "" }
        if let attributes = spec[1]?.first.flatMap(ProtobufNamespace.fields) {
            review.spec.resourceAttributes = ResourceAttributes(
                namespace: text(attributes, 1), verb: text(attributes, 2), group: text(attributes, 3), version: text(attributes, 4),
                resource: text(attributes, 5), subresource: text(attributes, 6), name: text(attributes, 7))
        }
        if let attributes = spec[2]?.first.flatMap(ProtobufNamespace.fields) {
            review.spec.nonResourceAttributes = NonResourceAttributes(path: text(attributes, 1), verb: text(attributes, 2))
        }
        return review
    }
}

extension SelfSubjectReviewer {
    public static func object(protobuf body: [UInt8]) -> SelfSubjectReview? {
        protobufObject(body, kind: "SelfSubjectReview").map { _ in SelfSubjectReview() }
    }
}

/// The object message inside a protobuf body of `kind`, or nil when the body is not one.
private func protobufObject(_ body: [UInt8], kind: String) -> ArraySlice<UInt8>? {
    guard body.starts(with: ProtobufNamespace.magic), let envelope = ProtobufNamespace.fields(body[ProtobufNamespace.magic.count...]),
          let typeMeta = envelope[1]?.first.flatMap(ProtobufNamespace.fields),
          typeMeta[2]?.first.map(ProtobufNamespace.string) == kind else { return nil }
    return envelope[2]?.first ?? []
}
