// Stage 2 · APIServer: the one protobuf body kubectl sends us — `kubectl create namespace`.
//
// Kubernetes' clients may send objects as protobuf instead of JSON. This API server
// speaks JSON and YAML, but `kubectl create namespace NAME` always sends protobuf (and
// happily accepts JSON back), so this file reads that one message. The format:
//
//   "k8s\0"  then a runtime.Unknown message:
//       1: typeMeta { 1: apiVersion, 2: kind }       2: raw (the object's own message)
//   Namespace:  1: metadata (ObjectMeta)  2: spec  3: status
//   ObjectMeta: 1: name  2: generateName  11: labels  12: annotations (map entries: 1 key, 2 value)
//
// Protobuf is a list of fields, each a *tag* (field number and wire type) then a value:
// a varint (type 0), or a length and that many bytes (type 2), which is how strings and
// nested messages are carried. Only those two wire types occur in these messages.

import API
import ClusterKinds

/// Reads the protobuf namespace `kubectl create namespace` sends.
enum ProtobufNamespace {
    /// The media type Kubernetes' protobuf bodies carry.
    static let mediaType = "application/vnd.kubernetes.protobuf"
    /// The bytes every Kubernetes protobuf body starts with.
    static let magic: [UInt8] = [0x6B, 0x38, 0x73, 0x00]

    /// The namespace in `body`, or nil when it is not a protobuf Namespace this reader understands.
    static func decode(_ body: [UInt8]) -> Namespace? {
        guard body.starts(with: magic), let envelope = fields(body[magic.count...]) else { return nil }
        guard let typeMeta = envelope[1]?.first.flatMap(fields),
              typeMeta[2]?.first.map(string) == "Namespace",
              let raw = envelope[2]?.first, let object = fields(raw) else { return nil }
        var namespace = Namespace()
        if let meta = object[1]?.first.flatMap(fields) {
            namespace.metadata.name = meta[1]?.first.map(string) ?? ""
            namespace.metadata.generateName = meta[2]?.first.map(string) ?? ""
            namespace.metadata.labels = map(meta[11] ?? [])
            namespace.metadata.annotations = map(meta[12] ?? [])
        }
        return namespace
    }

    /// The length-delimited fields of a message, by field number; nil if it is malformed.
    /// Varint fields are read and skipped: none of the ones kubectl sets here matter.
    static func fields(_ bytes: ArraySlice<UInt8>) -> [Int: [ArraySlice<UInt8>]]? {
        var result: [Int: [ArraySlice<UInt8>]] = [:]
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard let tag = varint(bytes, &index) else { return nil }
            switch tag & 7 {
            case 0:
                guard varint(bytes, &index) != nil else { return nil }
            case 2:
                guard let length = varint(bytes, &index), length <= UInt64(bytes.endIndex - index) else { return nil }
                let end = index + Int(length)
                result[Int(tag >> 3), default: []].append(bytes[index..<end])
                index = end
            default:
                return nil
            }
        }
        return result
    }

    /// Reads a base-128 varint at `index`, moving past it; nil when the bytes run out.
    static func varint(_ bytes: ArraySlice<UInt8>, _ index: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.endIndex, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// A protobuf map: repeated entries whose field 1 is the key and field 2 the value.
    static func map(_ entries: [ArraySlice<UInt8>]) -> [String: String] {
        var result: [String: String] = [:]
        for entry in entries {
            guard let parts = fields(entry), let key = parts[1]?.first.map(string) else { continue }
            result[key] = parts[2]?.first.map(string) ?? ""
        }
        return result
    }
}
