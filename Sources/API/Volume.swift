// Stage 1 · API: storage a pod's containers can share (core/v1 `Volume` and `VolumeSource`).
//
// As with probes, Go embeds the source inline: `{"name": "cache", "emptyDir": {}}`.
// Here `source` is a property read from and written to the same JSON object. Only the
// two sources a kubelet can provide on its own are modelled: `emptyDir` (a scratch
// directory that lives as long as the pod) and `hostPath` (a path on the node).
// Other sources (configMap, secret, projected, persistentVolumeClaim, …) are dropped
// when decoding, leaving a volume with no source, which the kubelet reports.

/// A named volume of a pod; set up by the kubelet before the containers start.
public struct Volume: Sendable, Hashable, Codable {
    /// The volume's name, referred to by containers' `volumeMounts`. Always written.
    public var name: String
    /// Where the volume's contents come from (Go's inline `VolumeSource`).
    public var source: VolumeSource

    /// Makes a volume.
    public init(name: String = "", source: VolumeSource = VolumeSource()) {
        self.name = name
        self.source = source
    }

    private enum CodingKeys: String, CodingKey { case name }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(.name, or: "")
        source = try VolumeSource(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try source.encode(to: encoder)
    }
}

/// Where a volume comes from; exactly one member should be set (validation checks).
public struct VolumeSource: Sendable, Hashable, Codable {
    /// A path on the node.
    public var hostPath: HostPathVolumeSource?
    /// A fresh empty directory for the pod.
    public var emptyDir: EmptyDirVolumeSource?

    /// Makes a volume source; set one member.
    public init(hostPath: HostPathVolumeSource? = nil, emptyDir: EmptyDirVolumeSource? = nil) {
        self.hostPath = hostPath
        self.emptyDir = emptyDir
    }

    private enum CodingKeys: String, CodingKey { case hostPath, emptyDir }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        hostPath = try c.decodeIfPresent(.hostPath)
        emptyDir = try c.decodeIfPresent(.emptyDir)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(hostPath, forKey: .hostPath)
        try c.encodeIfPresent(emptyDir, forKey: .emptyDir)
    }
}

/// A scratch directory that lives as long as the pod (core/v1 `EmptyDirVolumeSource`).
public struct EmptyDirVolumeSource: Sendable, Hashable, Codable {
    /// The storage medium: "" for the node's disk, `Memory` for tmpfs.
    public var medium: String
    /// The most the directory may hold; the kubelet evicts the pod beyond it.
    public var sizeLimit: Quantity?

    /// Makes an emptyDir source; `emptyDir: {}` is the usual form.
    public init(medium: String = "", sizeLimit: Quantity? = nil) {
        self.medium = medium
        self.sizeLimit = sizeLimit
    }

    private enum CodingKeys: String, CodingKey { case medium, sizeLimit }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        medium = try c.decode(.medium, or: "")
        sizeLimit = try c.decodeIfPresent(.sizeLimit)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(medium, forKey: .medium)
        try c.encodeIfPresent(sizeLimit, forKey: .sizeLimit)
    }
}

/// A file or directory of the node mounted into the pod (core/v1 `HostPathVolumeSource`).
public struct HostPathVolumeSource: Sendable, Hashable, Codable {
    /// The path on the node. Always written.
    public var path: String
    /// What must be at the path; Kubernetes defaults nil to `.unset` (no check).
    public var type: HostPathType?

    /// Makes a hostPath source.
    public init(path: String = "", type: HostPathType? = nil) {
        self.path = path
        self.type = type
    }

    private enum CodingKeys: String, CodingKey { case path, type }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(.path, or: "")
        // "" is a member here, so read with the plain decoder rather than `decodeMember`.
        type = try c.decodeIfPresent(.type)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encodeIfPresent(type, forKey: .type)
    }
}
