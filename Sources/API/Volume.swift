// Stage 1 · API: storage a pod's containers can share (core/v1 `Volume` and `VolumeSource`).
//
// As with probes, Go embeds the source inline: `{"name": "cache", "emptyDir": {}}`.
// Here `source` is a property read from and written to the same JSON object. Modelled
// are the sources a kubelet provides without a storage system: `emptyDir` (a scratch
// directory that lives as long as the pod), `hostPath` (a path on the node), and three
// whose files the kubelet writes itself: `configMap` and `secret` (one file per key,
// `ConfigMapVolumeSource.swift`) and `downwardAPI` (fields of the pod,
// `DownwardAPIVolumeSource.swift`). Other sources (projected, persistentVolumeClaim, …)
// are dropped when decoding, leaving a volume with no source, which defaults to emptyDir.

/// A named volume of a pod; set up by the kubelet before the containers start.
public struct Volume: Sendable, Hashable {
    public var name: String
    /// Where the volume's contents come from (Go's inline `VolumeSource`).
    public var source: VolumeSource

    public init(name: String = "", source: VolumeSource = VolumeSource()) {
        self.name = name
        self.source = source
    }
}

extension Volume: APIFields {
    public static let zero = Volume()
    public static let fields: [JSONField<Volume>] = [
        .always("name", \.name, "The volume's name, referred to by containers' volumeMounts."),
        .inline(\.source),
    ]
}

/// Where a volume comes from; exactly one member should be set (validation checks).
public struct VolumeSource: Sendable, Hashable {
    public var hostPath: HostPathVolumeSource?
    public var emptyDir: EmptyDirVolumeSource?
    public var secret: SecretVolumeSource?
    public var downwardAPI: DownwardAPIVolumeSource?
    public var configMap: ConfigMapVolumeSource?

    /// Makes a volume source; set one member.
    public init(
        hostPath: HostPathVolumeSource? = nil, emptyDir: EmptyDirVolumeSource? = nil, secret: SecretVolumeSource? = nil,
        downwardAPI: DownwardAPIVolumeSource? = nil, configMap: ConfigMapVolumeSource? = nil
    ) {
        self.hostPath = hostPath
        self.emptyDir = emptyDir
        self.secret = secret
        self.downwardAPI = downwardAPI
        self.configMap = configMap
    }
}

extension VolumeSource: APIFields {
    public static let zero = VolumeSource()
    public static let fields: [JSONField<VolumeSource>] = [
        .pointer("hostPath", \.hostPath, "A path on the node."),
        .pointer("emptyDir", \.emptyDir, "A fresh empty directory for the pod."),
        .pointer("secret", \.secret, "The keys of a Secret, one file each."),
        .pointer("downwardAPI", \.downwardAPI, "Fields of the pod, one file each."),
        .pointer("configMap", \.configMap, "The keys of a ConfigMap, one file each."),
    ]
}

/// A scratch directory that lives as long as the pod (core/v1 `EmptyDirVolumeSource`).
public struct EmptyDirVolumeSource: Sendable, Hashable {
    public var medium: String = ""
    public var sizeLimit: Quantity?

    public init() {}
}

extension EmptyDirVolumeSource: APIFields {
    public static let zero = EmptyDirVolumeSource()
    public static let fields: [JSONField<EmptyDirVolumeSource>] = [
        .omitEmpty("medium", \.medium, "The storage medium: \"\" for the node's disk, Memory for tmpfs."),
        .pointer("sizeLimit", \.sizeLimit, "The most the directory may hold; the kubelet evicts the pod beyond it."),
    ]
}

/// A file or directory of the node mounted into the pod (core/v1 `HostPathVolumeSource`).
public struct HostPathVolumeSource: Sendable, Hashable {
    public var path: String
    public var type: HostPathType?

    public init(path: String = "", type: HostPathType? = nil) {
        self.path = path
        self.type = type
    }
}

extension HostPathVolumeSource: APIFields {
    public static let zero = HostPathVolumeSource()
    public static let fields: [JSONField<HostPathVolumeSource>] = [
        .always("path", \.path, "The path on the node."),
        .pointer("type", \.type, "What must be at the path; Kubernetes defaults nil to .unset (no check)."),  // a pointer in Go, and "" is a member: not `.member`
    ]
}
