// The protobuf bodies kubectl 1.33 sends for `create configmap`, `create secret generic`
// and `create serviceaccount`, built here field by field as generated.proto numbers them.

import API
@testable import APIServer
import ClusterKinds
import Testing

/// A length-delimited protobuf field (wire type 2) `number` holding `bytes`.
private func field(_ number: Int, _ bytes: [UInt8]) -> [UInt8] {
    var length = bytes.count
    var encodedLength: [UInt8] = []
    repeat {
        encodedLength.append(UInt8(length & 0x7F) | (length > 0x7F ? 0x80 : 0))
        length >>= 7
    } while length > 0
    return [UInt8(number << 3 | 2)] + encodedLength + bytes
}

private func field(_ number: Int, _ text: String) -> [UInt8] { field(number, Array(text.utf8)) }
/// A varint field (wire type 0) holding a small value, such as a bool.
private func flag(_ number: Int, _ value: UInt8) -> [UInt8] { [UInt8(number << 3), value] }
private func entry(_ number: Int, _ key: String, _ value: String) -> [UInt8] { field(number, field(1, key) + field(2, value)) }

/// The `k8s\0` envelope around `raw`, of `kind`.
private func envelope(_ kind: String, _ raw: [UInt8]) -> [UInt8] {
    ProtobufEnvelope.magic + field(1, field(1, "v1") + field(2, kind)) + field(2, raw)
}

@Test func kubectlsProtobufConfigMapSecretAndServiceAccountAreRead() throws {
    let meta = field(1, field(1, "settings") + field(3, "default") + entry(11, "team", "a"))
    let configMap = try #require(ProtobufConfigKinds.decode(ConfigMap.self, from: envelope(
        "ConfigMap", meta + entry(2, "mode", "fast") + entry(3, "logo", "\u{1}\u{2}") + flag(4, 1))))
    #expect(configMap == ConfigMap(
        metadata: ObjectMeta(name: "settings", namespace: "default", labels: ["team": "a"]), immutable: true,
        data: ["mode": "fast"], binaryData: ["logo": Base64Bytes([1, 2])]))

    let secret = try #require(ProtobufConfigKinds.decode(Secret.self, from: envelope(
        "Secret", field(1, field(1, "creds")) + entry(2, "password", "s3cr3t") + field(3, "Opaque") + entry(4, "user", "admin"))))
    #expect(secret.metadata.name == "creds" && secret.data == ["password": Base64Bytes("s3cr3t")])
    #expect(secret.type == "Opaque" && secret.stringData == ["user": "admin"] && secret.immutable == nil)

    let account = try #require(ProtobufConfigKinds.decode(ServiceAccount.self, from: envelope(
        "ServiceAccount", field(1, field(1, "builder")) + field(2, field(3, "builder-token")) + field(3, field(1, "registry")) + flag(4, 0))))
    #expect(account.secrets == [ObjectReference(name: "builder-token")] && account.imagePullSecrets.map(\.name) == ["registry"])
    #expect(account.automountServiceAccountToken == false)

    // Another kind, or bytes that are not protobuf, are not read as one.
    #expect(ProtobufConfigKinds.decode(Secret.self, from: envelope("ConfigMap", meta)) == nil)
    #expect(ProtobufConfigKinds.decode(ConfigMap.self, from: Array("{}".utf8)) == nil)
}
