// Stage 2 · KubeletAPI: the ConfigMaps and Secrets of the kubelet's pods, read from the API server.
//
// Stage 1's kubelet asks a `ConfigObjectManager` for the ConfigMaps and Secrets its pods
// name, and has none to give. Stage 2's answer reads them through the API client:
// `GET /api/v1/namespaces/{ns}/configmaps/{name}`. A NotFound becomes the kubelet's own
// NotFound, worded as Kubernetes' kubelet words it (`configmap "settings" not found`, the
// singular resource its managers use), which `optional` references skip; any other
// failure is reported as it is and never skipped, so a pod never starts without a value
// just because the API server could not be reached.
//
// Kubernetes' kubelet watches the objects its pods use and reads them from a cache; this
// one reads them on each use (a container start, a volume refresh at a sync). Stage 3's
// watch is what would make a cache cheap to keep fresh.

import API
import APIMachinery
import Client
import ClusterKinds
import Kubelet

/// The kubelet's ConfigMaps and Secrets, straight from the API server.
public struct APIConfigObjectManager: ConfigObjectManager {
    let client: APIClient

    public init(client: APIClient) { self.client = client }

    public func configMap(namespace: String, name: String) async throws(ConfigObjectError) -> ConfigMapContents {
        do {
            let configMap = try await client.get(ConfigMap.self, namespace: namespace, name: name)
            return ConfigMapContents(data: configMap.data, binaryData: configMap.binaryData.mapValues(\.bytes))
        } catch {
            throw Self.kubeletError(error, kind: "configmap", name: name)
        }
    }

    public func secret(namespace: String, name: String) async throws(ConfigObjectError) -> [String: [UInt8]] {
        do {
            return try await client.get(Secret.self, namespace: namespace, name: name).data.mapValues(\.bytes)
        } catch {
            throw Self.kubeletError(error, kind: "secret", name: name)
        }
    }

    /// NotFound in the kubelet's words; anything else as the client reported it.
    static func kubeletError(_ error: APIError, kind: String, name: String) -> ConfigObjectError {
        error.isNotFound ? .notFound(kind: kind, name: name) : .unavailable("couldn't get \(kind) \(name): \(error)")
    }
}
