// Stage 1 · Kubelet: where the kubelet gets the ConfigMaps and Secrets a pod refers to.
//
// A container's `envFrom`, `valueFrom.configMapKeyRef` / `secretKeyRef`, and a pod's
// configMap and secret volumes name objects that live in the API server. Kubernetes'
// kubelet reads them through its configmap and secret managers (a cache over the API
// client); this protocol is that pair, and the only thing the kubelet asks of it.
//
// Stage 1's kubelet is standalone: there is no API server, so its manager answers every
// question as a Kubernetes kubelet without a client does, `couldn't get configMap
// default/x, no kubeClient defined`, which leaves the container waiting with
// `CreateContainerConfigError`. (Its static pods cannot get this far: Kubernetes refuses a
// static pod that refers to API objects at all, see `Pod+APIObjectReference.swift`.)
// Stage 2 hands the kubelet a manager that asks the API server (`APIConfigObjectManager`).

/// The ConfigMaps and Secrets of the cluster, as the kubelet reads them for a pod.
public protocol ConfigObjectManager: Sendable {
    /// The ConfigMap `name` in `namespace`.
    func configMap(namespace: String, name: String) async throws(ConfigObjectError) -> ConfigMapContents
    /// The data of the Secret `name` in `namespace`.
    func secret(namespace: String, name: String) async throws(ConfigObjectError) -> [String: [UInt8]]
}

/// What a pod can read of a ConfigMap: its text keys and its byte keys.
public struct ConfigMapContents: Sendable, Equatable {
    public var data: [String: String]
    public var binaryData: [String: [UInt8]]

    public init(data: [String: String] = [:], binaryData: [String: [UInt8]] = [:]) {
        self.data = data
        self.binaryData = binaryData
    }
}

/// Why a ConfigMap or Secret could not be read; its description is the message the
/// container's waiting state shows.
public enum ConfigObjectError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The object does not exist: an `optional` reference is then skipped.
    case notFound(String)
    /// Anything else (no API server, a failed request): never skipped.
    case unavailable(String)

    /// Kubernetes' NotFound words as the kubelet's managers write them: `configmap "x" not found`.
    public static func notFound(kind: String, name: String) -> ConfigObjectError {
        .notFound("\(kind) \"\(name)\" not found")
    }

    public var isNotFound: Bool { if case .notFound = self { true } else { false } }

    public var description: String {
        switch self {
        case .notFound(let message), .unavailable(let message): message
        }
    }
}

/// Stage 1's manager: a kubelet with no API server can read no ConfigMap or Secret.
public struct StandaloneConfigObjects: ConfigObjectManager {
    public init() {}

    public func configMap(namespace: String, name: String) async throws(ConfigObjectError) -> ConfigMapContents {
        throw .unavailable("couldn't get configMap \(namespace)/\(name), no kubeClient defined")
    }

    public func secret(namespace: String, name: String) async throws(ConfigObjectError) -> [String: [UInt8]] {
        throw .unavailable("couldn't get secret \(namespace)/\(name), no kubeClient defined")
    }
}

extension ConfigObjectManager {
    /// The ConfigMap, or nil when it does not exist and the reference is `optional`.
    func configMap(namespace: String, name: String, optional: Bool?) async throws(ConfigObjectError) -> ConfigMapContents? {
        let result: Result<ConfigMapContents, ConfigObjectError>
        do { result = .success(try await configMap(namespace: namespace, name: name)) } catch { result = .failure(error) }
        switch result {
        case .success(let contents): return contents
        case .failure(let error) where error.isNotFound && optional == true: return nil
        case .failure(let error): throw error
        }
    }

    /// The Secret's data, or nil when it does not exist and the reference is `optional`.
    func secret(namespace: String, name: String, optional: Bool?) async throws(ConfigObjectError) -> [String: [UInt8]]? {
        let result: Result<[String: [UInt8]], ConfigObjectError>
        do { result = .success(try await secret(namespace: namespace, name: name)) } catch { result = .failure(error) }
        switch result {
        case .success(let data): return data
        case .failure(let error) where error.isNotFound && optional == true: return nil
        case .failure(let error): throw error
        }
    }
}
