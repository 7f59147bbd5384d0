// Stage 2 · APIServer: the protobuf namespace `kubectl create namespace` sends.
//
// This API server speaks JSON and YAML, but `kubectl create namespace NAME` always sends
// its Namespace as protobuf (and happily accepts JSON back), so the server reads it. The
// envelope around it is `ProtobufEnvelope.swift`'s, the wire format `ProtobufMessage.swift`'s.
// Field numbers from `k8s.io/api/core/v1/generated.proto`:
//
//   Namespace:  1 metadata (ObjectMeta)  2 spec  3 status
//
// kubectl sends an empty spec and status; the server fills them in, as for JSON.

import ClusterKinds

/// Reads the protobuf namespace `kubectl create namespace` sends.
enum ProtobufNamespace {
    /// The namespace in `body`, or nil when it is not a protobuf Namespace this reader understands.
    static func decode(_ body: [UInt8]) -> Namespace? {
        guard let object = ProtobufEnvelope(body, kind: "Namespace")?.object else { return nil }
        var namespace = Namespace()
        namespace.metadata = object.objectMeta(1)
        return namespace
    }
}
