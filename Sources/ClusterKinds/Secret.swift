// Stage 2 · ClusterKinds: a small amount of sensitive data (core/v1 `Secret`).
//
// A Secret is a ConfigMap for passwords, tokens and keys: its `data` values are bytes,
// base64 in JSON (`kubectl create secret generic db --from-literal=password=s3cr3t`
// stores `cGFzc3dvcmQ=`-style values). base64 is an encoding, not encryption: whoever
// may read the Secret reads the password. `stringData` is a convenience for writers:
// plain text values that the API server merges into `data` on every write (a
// `stringData` key wins over the same `data` key) and never stores or returns. `type`
// says what the keys mean (`kubernetes.io/tls` holds `tls.crt` and `tls.key`); the API
// server defaults it to `Opaque`, arbitrary keys.

import API
import APIMachinery

/// A Secret; created with `kubectl create secret`, read by the kubelet for pods.
public struct Secret: Sendable, Hashable {
    /// The type of a Secret with arbitrary keys, the default.
    public static let opaque = "Opaque"

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var immutable: Bool?
    public var data: [String: Base64Bytes]
    public var stringData: [String: String]
    public var type: String

    public init(
        apiVersion: String = "v1", kind: String = "Secret", metadata: ObjectMeta = ObjectMeta(), immutable: Bool? = nil,
        data: [String: Base64Bytes] = [:], stringData: [String: String] = [:], type: String = ""
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.immutable = immutable
        self.data = data
        self.stringData = stringData
        self.type = type
    }
}

extension Secret: APIFields {
    public static let zero = Secret(apiVersion: "", kind: "")
    public static let fields: [JSONField<Secret>] = [
        .omitEmpty("apiVersion", \.apiVersion, "The version of the API the object is written in: v1."),
        .omitEmpty("kind", \.kind, "The kind of object: Secret."),
        .structure("metadata", \.metadata, "The Secret's name, namespace, labels and bookkeeping."),
        .pointer("immutable", \.immutable, "When true, data can no longer change; the object can only be deleted."),
        .omitEmpty("data", \.data, "Values by key, base64 in JSON (an encoding, not encryption)."),
        .omitEmpty("stringData", \.stringData,
            "Values given as text, merged into data by the API server on write and never read back."),
        .omitEmpty("type", \.type, "What the keys mean, such as Opaque (any keys, the default) or kubernetes.io/tls."),
    ]
}

extension Secret: APIObject {
    /// `/api/v1/namespaces/{ns}/secrets`; no short name, as in Kubernetes.
    public static let resource = Resource(kind: "Secret", plural: "secrets", scope: .namespaced)
}

public typealias SecretList = List<Secret>
