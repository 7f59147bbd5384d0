// Stage 1 · API: a ConfigMap or a Secret as a folder of files (core/v1 `ConfigMapVolumeSource`,
// `SecretVolumeSource`, `KeyToPath`).
//
// Mounted as a volume, a ConfigMap or Secret becomes a directory with one file per key,
// the file holding the key's value; `items` picks keys and renames them (`key: app.conf,
// path: conf/app.conf`), and `defaultMode` or an item's `mode` sets the permission bits.
// The API server defaults `defaultMode` to 0644 (420, as JSON writes it). The kubelet
// writes the files (`VolumeFiles` in the Kubelet module); a missing object or key keeps
// the pod from starting unless the source is `optional`.

/// A ConfigMap in the pod's namespace, as a volume (Go inlines `name` from `LocalObjectReference`).
public struct ConfigMapVolumeSource: Sendable, Hashable {
    public var name: String
    public var items: [KeyToPath]
    public var defaultMode: Int32?
    public var optional: Bool?

    public init(name: String = "", items: [KeyToPath] = [], defaultMode: Int32? = nil, optional: Bool? = nil) {
        self.name = name
        self.items = items
        self.defaultMode = defaultMode
        self.optional = optional
    }
}

extension ConfigMapVolumeSource: APIFields {
    public static let zero = ConfigMapVolumeSource()
    public static let fields: [JSONField<ConfigMapVolumeSource>] = [
        .omitEmpty("name", \.name, "The ConfigMap's name."),
        .omitEmpty("items", \.items, "The keys to project and their file paths; every key under its own name when empty."),
        .pointer("defaultMode", \.defaultMode, "The files' permission bits; 0644 by default."),
        .pointer("optional", \.optional, "When true, a missing ConfigMap gives an empty volume and a missing key no file."),
    ]
}

/// A Secret in the pod's namespace, as a volume; as a ConfigMap's, but named `secretName`.
public struct SecretVolumeSource: Sendable, Hashable {
    public var secretName: String
    public var items: [KeyToPath]
    public var defaultMode: Int32?
    public var optional: Bool?

    public init(secretName: String = "", items: [KeyToPath] = [], defaultMode: Int32? = nil, optional: Bool? = nil) {
        self.secretName = secretName
        self.items = items
        self.defaultMode = defaultMode
        self.optional = optional
    }
}

extension SecretVolumeSource: APIFields {
    public static let zero = SecretVolumeSource()
    public static let fields: [JSONField<SecretVolumeSource>] = [
        .omitEmpty("secretName", \.secretName, "The Secret's name."),
        .omitEmpty("items", \.items, "The keys to project and their file paths; every key under its own name when empty."),
        .pointer("defaultMode", \.defaultMode, "The files' permission bits; 0644 by default."),
        .pointer("optional", \.optional, "When true, a missing Secret gives an empty volume and a missing key no file."),
    ]
}

/// One key projected to a file: `key` of the object, at relative `path` in the volume.
public struct KeyToPath: Sendable, Hashable {
    public var key: String
    public var path: String
    public var mode: Int32?

    public init(key: String = "", path: String = "", mode: Int32? = nil) {
        self.key = key
        self.path = path
        self.mode = mode
    }
}

extension KeyToPath: APIFields {
    public static let zero = KeyToPath()
    public static let fields: [JSONField<KeyToPath>] = [
        .always("key", \.key, "The key to project."),
        .always("path", \.path, "The file's path inside the volume: relative, without '..'."),
        .pointer("mode", \.mode, "This file's permission bits, instead of the volume's defaultMode."),
    ]
}

extension VolumeSource {
    /// The default permission bits of projected files: 0644 (`SetDefaults_ConfigMapVolumeSource`
    /// and its siblings).
    public static let defaultFileMode: Int32 = 0o644

    /// Kubernetes' defaults of the sources whose files the kubelet writes.
    public mutating func applyFileDefaults() {
        if configMap != nil, configMap?.defaultMode == nil { configMap?.defaultMode = Self.defaultFileMode }
        if secret != nil, secret?.defaultMode == nil { secret?.defaultMode = Self.defaultFileMode }
        if downwardAPI != nil, downwardAPI?.defaultMode == nil { downwardAPI?.defaultMode = Self.defaultFileMode }
        for index in downwardAPI?.items.indices ?? 0..<0 {
            if downwardAPI?.items[index].fieldRef?.apiVersion.isEmpty == true {
                downwardAPI?.items[index].fieldRef?.apiVersion = "v1"
            }
        }
    }
}
