import APIServer
import Client
import Foundation
import Testing
import YAML

@Suite struct KubeconfigTests {
    @Test func theKubeconfigNamesTheServerInOneContext() throws {
        let config = Kubeconfig(name: "stage2", server: "http://127.0.0.1:8080")
        let document = try #require(try YAMLReader.documents(in: config.yaml).first)
        let json = document.jsonText()
        #expect(json.contains(#""current-context": "stage2""#))
        #expect(json.contains(#""server": "http://127.0.0.1:8080""#))
        #expect(json.contains(#""users": [{"name": "stage2", "user": {}}]"#))
    }

    @Test func theFileIsWrittenForItsOwnerOnly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubeconfig-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("kubeconfig")
        try Kubeconfig(name: "stage2", server: "http://127.0.0.1:8080").write(to: file)
        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }
}
