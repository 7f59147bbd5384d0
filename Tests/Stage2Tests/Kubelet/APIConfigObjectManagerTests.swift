// Stage 2 · Kubelet tests: the kubelet's ConfigMaps and Secrets, read from the real API server.

import API
import Client
import ClusterKinds
@testable import Kubelet
@testable import KubeletAPI
import Testing
@testable import TestSupport

@Test func theKubeletReadsConfigMapsAndSecretsAndWordsNotFoundAsKubernetes() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        try await client.create(ConfigMap(metadata: ObjectMeta(name: "settings", namespace: "default"),
                                          data: ["mode": "fast"], binaryData: ["logo": Base64Bytes([1, 2])]))
        try await client.create(Secret(metadata: ObjectMeta(name: "creds", namespace: "default"), stringData: ["password": "s3cr3t"]))
        let manager = APIConfigObjectManager(client: client)

        #expect(try await manager.configMap(namespace: "default", name: "settings")
            == ConfigMapContents(data: ["mode": "fast"], binaryData: ["logo": [1, 2]]))
        #expect(try await manager.secret(namespace: "default", name: "creds") == ["password": Array("s3cr3t".utf8)])
        await #expect(throws: ConfigObjectError.notFound(#"configmap "other" not found"#)) {
            _ = try await manager.configMap(namespace: "default", name: "other")
        }
        await #expect(throws: ConfigObjectError.notFound(#"secret "creds" not found"#)) {
            _ = try await manager.secret(namespace: "kube-system", name: "creds")
        }
    }
}
