// Stage 2 · APIServer: the second protobuf body kubectl sends us — `kubectl drain`'s evictions.
//
// Like `kubectl create namespace` (`ProtobufNamespace.swift`, which explains the format),
// `kubectl drain` sends its policy/v1 `Eviction` as protobuf. The fields read here:
//
//   Eviction:      1: metadata (ObjectMeta: 1 name, 3 namespace)   2: deleteOptions
//   DeleteOptions: 1: gracePeriodSeconds (varint)  2: preconditions (1 uid, 2 resourceVersion)
//                  4: propagationPolicy  5: dryRun (repeated string)
//
// The grace period is a varint, which the namespace reader skips, so this file walks a
// message's fields itself, keeping varints too; strings and nested messages are read
// with `ProtobufNamespace`'s helpers.

import API
import APIMachinery
import ClusterKinds

/// Reads the protobuf eviction `kubectl drain` sends.
enum ProtobufEviction {
    /// One field's value: a varint, or length-delimited bytes (a string or a message).
    enum Value {
        case varint(UInt64)
        case bytes(ArraySlice<UInt8>)
    }

    /// The eviction in `body`, or nil when it is not a protobuf Eviction this reader understands.
    static func decode(_ body: [UInt8]) -> Eviction? {
        guard body.starts(with: ProtobufNamespace.magic),
              let envelope = ProtobufNamespace.fields(body[ProtobufNamespace.magic.count...]),
              let typeMeta = envelope[1]?.first.flatMap(ProtobufNamespace.fields),
              typeMeta[2]?.first.map(ProtobufNamespace.string) == "Eviction",
              let raw = envelope[2]?.first, let object = values(raw) else { return nil }
        var eviction = Eviction(apiVersion: typeMeta[1]?.first.map(ProtobufNamespace.string) ?? "")
        if let meta = bytes(object[1]).flatMap(ProtobufNamespace.fields) {
            eviction.metadata.name = meta[1]?.first.map(ProtobufNamespace.string) ?? ""
            eviction.metadata.namespace = meta[3]?.first.map(ProtobufNamespace.string) ?? ""
        }
        if let optionsBytes = bytes(object[2]), let options = values(optionsBytes) {
            var deleteOptions = DeleteOptions(apiVersion: "", kind: "")
            if case .varint(let grace)? = options[1]?.last { deleteOptions.gracePeriodSeconds = Int64(bitPattern: grace) }
            if let preconditions = bytes(options[2]).flatMap(ProtobufNamespace.fields) {
                deleteOptions.preconditions = Preconditions(
                    uid: preconditions[1]?.first.map(ProtobufNamespace.string),
                    resourceVersion: preconditions[2]?.first.map(ProtobufNamespace.string))
            }
            if let policy = bytes(options[4]).map(ProtobufNamespace.string) {
                deleteOptions.propagationPolicy = DeletionPropagation(rawValue: policy)
            }
            deleteOptions.dryRun = (options[5] ?? []).compactMap { value in
                if case .bytes(let text) = value { ProtobufNamespace.string(text) } else { nil }
            }
            eviction.deleteOptions = deleteOptions
        }
        return eviction
    }

    /// The first length-delimited value among `values`.
    private static func bytes(_ values: [Value]?) -> ArraySlice<UInt8>? {
        for case .bytes(let bytes) in values ?? [] { return bytes }
        return nil
    }

    /// Every field of a message, varints and length-delimited alike, by field number; nil if malformed.
    static func values(_ bytes: ArraySlice<UInt8>) -> [Int: [Value]]? {
        var result: [Int: [Value]] = [:]
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard let tag = ProtobufNamespace.varint(bytes, &index) else { return nil }
            switch tag & 7 {
            case 0:
                guard let value = ProtobufNamespace.varint(bytes, &index) else { return nil }
                result[Int(tag >> 3), default: []].append(.varint(value))
            case 2:
                guard let length = ProtobufNamespace.varint(bytes, &index), length <= UInt64(bytes.endIndex - index) else { return nil }
                let end = index + Int(length)
                result[Int(tag >> 3), default: []].append(.bytes(bytes[index..<end]))
                index = end
            default:
                return nil
            }
        }
        return result
    }
}
