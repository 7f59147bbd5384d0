// ConfigMap, Secret and ServiceAccount as the API server stores and returns them, and
// what their strategies do on a write: stringData merged into data, type Opaque, the
// key rules, immutability, and their `kubectl get` rows.

import API
import APIMachinery
@testable import APIServer
@testable import ClusterKinds
import Testing

@Test func configMapRoundTripsAsKubectlPrintsIt() throws {
    let text = #"""
        {"apiVersion": "v1", "kind": "ConfigMap",
         "metadata": {"creationTimestamp": "2024-05-01T10:00:00Z", "name": "settings", "namespace": "default",
                      "resourceVersion": "7", "uid": "0b3c2d1e-1111-4222-8333-444455556666"},
         "data": {"mode": "fast", "app.conf": "a=1\nb=2\n"}, "binaryData": {"logo.png": "iVBORw0K"}, "immutable": true}
        """#
    #expect(try roundTrips(ConfigMap.self, text))
    let configMap = try decoded(ConfigMap.self, text)
    #expect(configMap.binaryData["logo.png"]?.bytes == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A])
    #expect(configMap.immutable == true)
}

@Test func secretDataIsBase64AndBadBase64IsGosError() throws {
    let secret = try decoded(Secret.self, #"{"kind": "Secret", "data": {"password": "czNjcjN0"}, "type": "Opaque"}"#)
    #expect(secret.data["password"] == Base64Bytes("s3cr3t"))
    #expect(try encodedText(Secret(metadata: ObjectMeta(name: "db"), data: ["password": Base64Bytes("s3cr3t")]))
        == #"{"apiVersion":"v1","data":{"password":"czNjcjN0"},"kind":"Secret","metadata":{"creationTimestamp":null,"name":"db"}}"#)
    #expect(throws: ManifestError.self) { try decoded(Secret.self, #"{"data": {"password": "s3cr3t!"}}"#) }
    #expect(Base64Bytes.firstBadByte(of: "s3cr3t!") == 6)
    #expect(Base64Bytes.firstBadByte(of: "YWJ") == 0)
    #expect(Base64Bytes.firstBadByte(of: "YWJjZ") == 4)
}

@Test func secretStringDataIsMergedIntoDataAndNeverKept() {
    var secret = Secret(metadata: ObjectMeta(name: "db"), data: ["user": Base64Bytes("old"), "host": Base64Bytes("h")],
                        stringData: ["user": "admin", "password": "s3cr3t"])
    SecretStrategy.prepareForCreate(&secret)
    #expect(secret.data == ["user": Base64Bytes("admin"), "password": Base64Bytes("s3cr3t"), "host": Base64Bytes("h")])
    #expect(secret.stringData.isEmpty)
    #expect(secret.type == Secret.opaque)

    var update = secret
    update.stringData = ["password": "n3w"]
    update.type = ""
    SecretStrategy.prepareForUpdate(&update, old: secret)
    #expect(update.data["password"] == Base64Bytes("n3w") && update.stringData.isEmpty && update.type == "Opaque")
}

@Test func configKeysFollowKubernetesRules() {
    let configMap = ConfigMap(metadata: ObjectMeta(name: "settings"), data: ["ok.key_1-x": "", "bad key": "", "..x": ""],
                              binaryData: ["ok.key_1-x": Base64Bytes("")])
    let messages = ConfigMapStrategy.validate(configMap).map(\.description)
    #expect(messages == [
        #"data[..x]: Invalid value: "..x": must not start with '..'"#,
        #"data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"#,
        #"data[ok.key_1-x]: Invalid value: "ok.key_1-x": duplicate of key present in binaryData"#,
    ])
}

@Test func immutableConfigMapsAndSecretsKeepTheirData() {
    let old = ConfigMap(metadata: ObjectMeta(name: "settings"), immutable: true, data: ["mode": "fast"])
    var changed = old
    changed.data["mode"] = "slow"
    changed.immutable = false
    #expect(ConfigMapStrategy.validateUpdate(changed, old: old).map(\.description) == [
        "immutable: Forbidden: field is immutable when `immutable` is set",
        "data: Forbidden: field is immutable when `immutable` is set",
    ])
    var labelled = old
    labelled.metadata.labels = ["team": "a"]
    #expect(ConfigMapStrategy.validateUpdate(labelled, old: old).isEmpty)

    let secret = Secret(metadata: ObjectMeta(name: "db"), immutable: true, data: ["k": Base64Bytes("v")], type: "Opaque")
    var retyped = secret
    retyped.type = "kubernetes.io/tls"
    retyped.data = [:]
    #expect(SecretStrategy.validateUpdate(retyped, old: secret).map(\.description) == [
        #"type: Invalid value: "kubernetes.io/tls": field is immutable"#,
        "data: Forbidden: field is immutable when `immutable` is set",
    ])
}

@Test func configKindsPrintKubernetesColumns() {
    let now = Time(rfc3339: "2024-05-01T10:05:00Z")!
    let created = ObjectMeta(name: "x", creationTimestamp: Time(rfc3339: "2024-05-01T10:00:00Z")!)
    #expect(ConfigMapPrinter.columns.map(\.name) == ["Name", "Data", "Age"])
    #expect(ConfigMapPrinter.cells(ConfigMap(metadata: created, data: ["a": "1"], binaryData: ["b": Base64Bytes("2")]), now: now)
        == ["x", "2", "5m"])
    #expect(SecretPrinter.columns.map(\.name) == ["Name", "Type", "Data", "Age"])
    #expect(SecretPrinter.cells(Secret(metadata: created, data: ["a": Base64Bytes("1")], type: "Opaque"), now: now)
        == ["x", "Opaque", "1", "5m"])
    #expect(ServiceAccountPrinter.columns.map(\.name) == ["Name", "Secrets", "Age"])
    #expect(ServiceAccountPrinter.cells(ServiceAccount(metadata: created), now: now) == ["x", "0", "5m"])
}

@Test func serviceAccountRoundTripsAndIsServedAsSa() throws {
    let text = #"""
        {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"creationTimestamp": null, "name": "builder", "namespace": "ci"},
         "secrets": [{"name": "builder-token"}], "imagePullSecrets": [{"name": "registry"}],
         "automountServiceAccountToken": false}
        """#
    #expect(try roundTrips(ServiceAccount.self, text))
    #expect(ServiceAccount.resource.shortNames == ["sa"] && ConfigMap.resource.shortNames == ["cm"])
    #expect(Secret.resource.shortNames.isEmpty && Secret.resource.isNamespaced)
}
