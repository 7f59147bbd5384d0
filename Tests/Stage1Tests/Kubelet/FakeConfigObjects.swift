// Stage 1 · Kubelet tests: ConfigMaps and Secrets a test can add while a worker runs.
//
// Answers as the API-backed manager of stage 2 does: a missing object is NotFound, in
// the words of the kubelet's managers (`configmap "x" not found`).

@testable import Kubelet

/// A `ConfigObjectManager` over in-memory objects of one namespace.
actor FakeConfigObjects: ConfigObjectManager {
    private var configMaps: [String: ConfigMapContents] = [:]
    private var secrets: [String: [String: [UInt8]]] = [:]

    init(configMaps: [String: [String: String]] = [:], secrets: [String: [String: String]] = [:]) {
        self.configMaps = configMaps.mapValues { ConfigMapContents(data: $0) }
        self.secrets = secrets.mapValues { $0.mapValues { Array($0.utf8) } }
    }

    func add(configMap name: String, _ data: [String: String]) { configMaps[name] = ConfigMapContents(data: data) }

    func configMap(namespace: String, name: String) throws(ConfigObjectError) -> ConfigMapContents {
        guard let contents = configMaps[name] else { throw .notFound(kind: "configmap", name: name) }
        return contents
    }

    func secret(namespace: String, name: String) throws(ConfigObjectError) -> [String: [UInt8]] {
        guard let data = secrets[name] else { throw .notFound(kind: "secret", name: name) }
        return data
    }
}
