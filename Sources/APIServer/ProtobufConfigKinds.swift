// Stage 2 · APIServer: the protobuf ConfigMaps, Secrets and ServiceAccounts kubectl sends.
//
// Like `kubectl create namespace` (`ProtobufNamespace.swift`), kubectl 1.33's `create
// configmap`, `create secret generic` and `create serviceaccount` send their object as
// protobuf; `ProtobufMessage.swift` explains the wire format, `ProtobufEnvelope.swift`
// the envelope. Field numbers from `k8s.io/api/core/v1/generated.proto`:
//
//   ConfigMap:       1 metadata  2 data (map string→string)  3 binaryData (map string→bytes)  4 immutable
//   Secret:          1 metadata  2 data (map string→bytes)   3 type  4 stringData (map)  5 immutable
//   ServiceAccount:  1 metadata  2 secrets (ObjectReference)  3 imagePullSecrets  4 automountServiceAccountToken
//   ObjectReference: 1 kind  2 namespace  3 name  4 uid  5 apiVersion  6 resourceVersion  7 fieldPath
//   LocalObjectReference: 1 name

import API
import ClusterKinds

/// Reads the protobuf bodies of the config kinds.
enum ProtobufConfigKinds {
    /// The object of kind `T` in `body`, or nil when `body` is not one this reader understands.
    static func decode<T>(_ type: T.Type, from body: [UInt8]) -> T? {
        switch type {
        case is ConfigMap.Type: ProtobufEnvelope(body, kind: "ConfigMap").map { configMap($0.object) } as? T
        case is Secret.Type: ProtobufEnvelope(body, kind: "Secret").map { secret($0.object) } as? T
        case is ServiceAccount.Type: ProtobufEnvelope(body, kind: "ServiceAccount").map { serviceAccount($0.object) } as? T
        default: nil
        }
    }

    private static func configMap(_ message: ProtobufMessage) -> ConfigMap {
        var configMap = ConfigMap()
        configMap.metadata = message.objectMeta(1)
        configMap.data = message.stringMap(2)
        configMap.binaryData = message.bytesMap(3).mapValues(Base64Bytes.init)
        configMap.immutable = message.bool(4)
        return configMap
    }

    private static func secret(_ message: ProtobufMessage) -> Secret {
        var secret = Secret()
        secret.metadata = message.objectMeta(1)
        secret.data = message.bytesMap(2).mapValues(Base64Bytes.init)
        secret.type = message.string(3) ?? ""
        secret.stringData = message.stringMap(4)
        secret.immutable = message.bool(5)
        return secret
    }

    private static func serviceAccount(_ message: ProtobufMessage) -> ServiceAccount {
        var account = ServiceAccount()
        account.metadata = message.objectMeta(1)
        account.secrets = message.messages(2).map(objectReference)
        account.imagePullSecrets = message.messages(3).map(localObjectReference)
        account.automountServiceAccountToken = message.bool(4)
        return account
    }

    private static func objectReference(_ message: ProtobufMessage) -> ObjectReference {
        var reference = ObjectReference()
        reference.kind = message.string(1) ?? ""
        reference.namespace = message.string(2) ?? ""
        reference.name = message.string(3) ?? ""
        reference.uid = message.string(4) ?? ""
        reference.apiVersion = message.string(5) ?? ""
        reference.resourceVersion = message.string(6) ?? ""
        reference.fieldPath = message.string(7) ?? ""
        return reference
    }

    private static func localObjectReference(_ message: ProtobufMessage) -> LocalObjectReference {
        var reference = LocalObjectReference()
        reference.name = message.string(1) ?? ""
        return reference
    }
}
