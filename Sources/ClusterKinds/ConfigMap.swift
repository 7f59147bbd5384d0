// Stage 2 · ClusterKinds: configuration kept apart from the image (core/v1 `ConfigMap`).
//
// A ConfigMap is a named bag of keys: text in `data`, bytes (base64 in JSON) in
// `binaryData`. Pods read it through the kubelet, as environment variables (`envFrom`,
// `valueFrom.configMapKeyRef`) or as a volume with one file per key. A ConfigMap marked
// `immutable` can no longer change its data, only be deleted; the API server enforces it.
// Like most kinds in Kubernetes, it has no spec and no status.

import API
import APIMachinery

/// A ConfigMap; created with `kubectl create configmap`, read by the kubelet for pods.
public struct ConfigMap: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var immutable: Bool?
    public var data: [String: String]
    public var binaryData: [String: Base64Bytes]

    public init(
        apiVersion: String = "v1", kind: String = "ConfigMap", metadata: ObjectMeta = ObjectMeta(),
        immutable: Bool? = nil, data: [String: String] = [:], binaryData: [String: Base64Bytes] = [:]
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.immutable = immutable
        self.data = data
        self.binaryData = binaryData
    }
}

extension ConfigMap: APIFields {
    public static let zero = ConfigMap(apiVersion: "", kind: "")
    public static let fields: [JSONField<ConfigMap>] = [
        .omitEmpty("apiVersion", \.apiVersion, "The version of the API the object is written in: v1."),
        .omitEmpty("kind", \.kind, "The kind of object: ConfigMap."),
        .structure("metadata", \.metadata, "The ConfigMap's name, namespace, labels and bookkeeping."),
        .pointer("immutable", \.immutable,
            "When true, data and binaryData can no longer change; the object can only be deleted."),
        .omitEmpty("data", \.data, "Text values by key; keys are letters, digits, '-', '_' and '.'."),
        .omitEmpty("binaryData", \.binaryData, "Byte values by key, base64 in JSON; a key may not also be in data."),
    ]
}

extension ConfigMap: APIObject {
    /// `/api/v1/namespaces/{ns}/configmaps`; `kubectl get cm`.
    public static let resource = Resource(kind: "ConfigMap", plural: "configmaps", scope: .namespaced, shortNames: ["cm"])
}

public typealias ConfigMapList = List<ConfigMap>
