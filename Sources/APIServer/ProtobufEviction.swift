// Stage 2 · APIServer: the protobuf eviction `kubectl drain` sends.
//
// Like `kubectl create namespace` (`ProtobufNamespace.swift`), `kubectl drain` sends its
// policy/v1 `Eviction` as protobuf; `ProtobufMessage.swift` explains the wire format.
// Field numbers from `k8s.io/api/policy/v1/generated.proto` and, for DeleteOptions and
// Preconditions, `k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto`:
//
//   Eviction:       1 metadata (ObjectMeta)  2 deleteOptions
//   DeleteOptions:  1 gracePeriodSeconds (int64)  2 preconditions  4 propagationPolicy  5 dryRun (repeated)
//   Preconditions:  1 uid  2 resourceVersion
//
// DeleteOptions' 3 orphanDependents is deprecated and kubectl never sets it; it is not read.

import API
import APIMachinery
import ClusterKinds

/// Reads the protobuf eviction `kubectl drain` sends.
enum ProtobufEviction {
    /// The eviction in `body`, or nil when it is not a protobuf Eviction this reader understands.
    static func decode(_ body: [UInt8]) -> Eviction? {
        guard let envelope = ProtobufEnvelope(body, kind: "Eviction") else { return nil }
        var eviction = Eviction(apiVersion: envelope.apiVersion)
        eviction.metadata = envelope.object.objectMeta(1)
        eviction.deleteOptions = envelope.object.message(2).map(deleteOptions)
        return eviction
    }

    private static func deleteOptions(_ message: ProtobufMessage) -> DeleteOptions {
        var options = DeleteOptions(apiVersion: "", kind: "")
        options.gracePeriodSeconds = message.int64(1)
        options.preconditions = message.message(2).map { Preconditions(uid: $0.string(1), resourceVersion: $0.string(2)) }
        options.propagationPolicy = message.string(4).flatMap(DeletionPropagation.init(rawValue:))
        options.dryRun = message.strings(5)
        return options
    }
}
