// Stage 2 · APIServer: the protobuf ConfigMaps, Secrets and ServiceAccounts kubectl sends.
//
// Like `kubectl create namespace` (`ProtobufNamespace.swift`), kubectl 1.33's `create
// configmap`, `create secret generic` and `create serviceaccount` send their object as
// protobuf. This file reads those three messages, with the envelope and helpers of
// `ProtobufNamespace`. The field numbers are those of `k8s.io/api/core/v1/generated.proto`:
//
//   ConfigMap:       1 metadata  2 data (map string→string)  3 binaryData (map string→bytes)  4 immutable
//   Secret:          1 metadata  2 data (map string→bytes)   3 type  4 stringData (map)  5 immutable
//   ServiceAccount:  1 metadata  2 secrets (ObjectReference)  3 imagePullSecrets  4 automountServiceAccountToken
//   ObjectMeta:      1 name  2 generateName  3 namespace  11 labels  12 annotations
//   ObjectReference: 1 kind  2 namespace  3 name  4 uid  5 apiVersion  6 resourceVersion  7 fieldPath
//
// A bool is a varint field (wire type 0), read here beside the length-delimited ones.

import API
import ClusterKinds

/// Reads the protobuf bodies of the config kinds.
enum ProtobufConfigKinds {
    /// The object of kind `T` in `body`, or nil when `body` is not one this reader understands.
    static func decode<T>(_ type: T.Type, from body: [UInt8]) -> T? {
        guard body.starts(with: ProtobufNamespace.magic),
              let envelope = ProtobufNamespace.fields(body[ProtobufNamespace.magic.count...]),
              let typeMeta = envelope[1]?.first.flatMap(ProtobufNamespace.fields),
              let kind = typeMeta[2]?.first.map(ProtobufNamespace.string),
              let raw = envelope[2]?.first, let object = ProtobufNamespace.fields(raw) else { return nil }
        let flags = varints(raw) ?? [:]
        let metadata = object[1]?.first.flatMap(ProtobufNamespace.fields).map(objectMeta) ?? ObjectMeta()
        switch kind {
        case "ConfigMap" where T.self == ConfigMap.self:
            return ConfigMap(metadata: metadata, immutable: flags[4].map { $0 != 0 },
                             data: ProtobufNamespace.map(object[2] ?? []),
                             binaryData: bytesMap(object[3] ?? [])) as? T
        case "Secret" where T.self == Secret.self:
            return Secret(metadata: metadata, immutable: flags[5].map { $0 != 0 }, data: bytesMap(object[2] ?? []),
                          stringData: ProtobufNamespace.map(object[4] ?? []),
                          type: object[3]?.first.map(ProtobufNamespace.string) ?? "") as? T
        case "ServiceAccount" where T.self == ServiceAccount.self:
            let secrets = (object[2] ?? []).compactMap(ProtobufNamespace.fields).map { reference in
                ObjectReference(kind: text(reference[1]), namespace: text(reference[2]), name: text(reference[3]),
                                uid: text(reference[4]), apiVersion: text(reference[5]),
                                resourceVersion: text(reference[6]), fieldPath: text(reference[7]))
            }
            let pullSecrets = (object[3] ?? []).compactMap(ProtobufNamespace.fields).map { fields in
                var reference = LocalObjectReference()
                reference.name = text(fields[1])
                return reference
            }
            return ServiceAccount(metadata: metadata, secrets: secrets, imagePullSecrets: pullSecrets,
                                  automountServiceAccountToken: flags[4].map { $0 != 0 }) as? T
        default:
            return nil
        }
    }

    static func objectMeta(_ fields: [Int: [ArraySlice<UInt8>]]) -> ObjectMeta {
        var meta = ObjectMeta()
        meta.name = text(fields[1])
        meta.generateName = text(fields[2])
        meta.namespace = text(fields[3])
        meta.labels = ProtobufNamespace.map(fields[11] ?? [])
        meta.annotations = ProtobufNamespace.map(fields[12] ?? [])
        return meta
    }

    static func text(_ values: [ArraySlice<UInt8>]?) -> String { values?.first.map(ProtobufNamespace.string) ?? "" }

    /// A protobuf `map<string, bytes>`.
    static func bytesMap(_ entries: [ArraySlice<UInt8>]) -> [String: Base64Bytes] {
        var result: [String: Base64Bytes] = [:]
        for entry in entries {
            guard let parts = ProtobufNamespace.fields(entry), let key = parts[1]?.first.map(ProtobufNamespace.string) else { continue }
            result[key] = Base64Bytes(Array(parts[2]?.first ?? []))
        }
        return result
    }

    /// The varint fields of a message, by field number; nil if it is malformed.
    static func varints(_ bytes: ArraySlice<UInt8>) -> [Int: UInt64]? {
        var result: [Int: UInt64] = [:]
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard let tag = ProtobufNamespace.varint(bytes, &index) else { return nil }
            switch tag & 7 {
            case 0:
                guard let value = ProtobufNamespace.varint(bytes, &index) else { return nil }
                result[Int(tag >> 3)] = value
            case 2:
                guard let length = ProtobufNamespace.varint(bytes, &index), length <= UInt64(bytes.endIndex - index) else { return nil }
                index += Int(length)
            default:
                return nil
            }
        }
        return result
    }
}
