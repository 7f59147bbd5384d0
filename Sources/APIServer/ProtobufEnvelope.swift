// Stage 2 · APIServer: Kubernetes' protobuf body opened — the magic, the kind, the object.
//
// A Kubernetes protobuf body (`Content-Type: application/vnd.kubernetes.protobuf`) is not
// the object's message alone. It starts with the four bytes "k8s\0", so that no one
// mistakes it for anything else, and then holds a `runtime.Unknown` message (field
// numbers from `k8s.io/apimachinery/pkg/runtime/generated.proto`):
//
//   runtime.Unknown:  1 typeMeta  2 raw (the object's own message)  3 contentEncoding  4 contentType
//   TypeMeta:         1 apiVersion  2 kind
//
// The kind is named here because protobuf messages do not say what they are. A reader
// opens the envelope for the kind it knows and reads `object` with its own field numbers;
// `ProtobufMessage.swift` explains the wire format.

/// A Kubernetes protobuf body of one kind, opened; made by each kind's reader.
struct ProtobufEnvelope: Sendable {
    /// The media type Kubernetes' protobuf bodies carry.
    static let mediaType = "application/vnd.kubernetes.protobuf"
    /// The bytes every Kubernetes protobuf body starts with: "k8s" and a zero byte.
    static let magic: [UInt8] = [0x6B, 0x38, 0x73, 0x00]

    /// The object's API version, as the body gives it (`policy/v1`).
    let apiVersion: String
    /// The object's message; empty when the body carries no raw bytes, as protobuf reads
    /// an absent field.
    let object: ProtobufMessage

    /// The envelope in `body` when it is a protobuf body holding a `kind`; nil when it is
    /// not protobuf, is malformed, or holds another kind.
    init?(_ body: [UInt8], kind: String) {
        guard body.starts(with: Self.magic),
              let unknown = ProtobufMessage(body[Self.magic.count...]),
              let typeMeta = unknown.message(1), typeMeta.string(2) == kind,
              let object = ProtobufMessage(unknown.bytes(2) ?? []) else { return nil }
        apiVersion = typeMeta.string(1) ?? ""
        self.object = object
    }
}

// Stage 4 > later stages' kinds that kubectl sends as protobuf (`kubectl create priorityclass`)
import API

/// A kind from a later stage's module that reads its own protobuf body (kubectl sends
/// `create priorityclass` as protobuf), with `ProtobufObject`'s readers.
public protocol ProtobufDecodable {
    /// The object in `body`, or nil when it is not a protobuf body of this kind.
    static func decode(protobuf body: [UInt8]) -> Self?
}

/// The object in a protobuf body of one kind, opened, and read field by field: the
/// envelope and the message of this file and `ProtobufMessage.swift`, for other modules.
public struct ProtobufObject: Sendable {
    let message: ProtobufMessage

    /// The object in `body` when it is a protobuf body holding a `kind`; nil otherwise.
    public init?(_ body: [UInt8], kind: String) {
        guard let envelope = ProtobufEnvelope(body, kind: kind) else { return nil }
        message = envelope.object
    }

    /// Field `number` as text.
    public func string(_ number: Int) -> String? { message.string(number) }
    /// Field `number` as a varint: an int32, int64 or enum.
    public func int64(_ number: Int) -> Int64? { message.int64(number) }
    /// Field `number` as a bool.
    public func bool(_ number: Int) -> Bool? { message.bool(number) }
    /// Field `number` as an ObjectMeta.
    public func objectMeta(_ number: Int) -> ObjectMeta { message.objectMeta(number) }
}
// Stage 4 <
