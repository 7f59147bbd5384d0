// Stage 1 · API: where a volume appears inside a container (core/v1 `VolumeMount`).
//
// Left out: mountPropagation, recursiveReadOnly, subPathExpr.

/// Mounts one of the pod's volumes at a path in a container; carried out by the runtime.
public struct VolumeMount: Sendable, Hashable, Codable {
    /// The name of the pod volume to mount. Always written (no omitempty).
    public var name: String
    /// Mount read-only.
    public var readOnly: Bool
    /// The path inside the container. Always written (no omitempty).
    public var mountPath: String
    /// A path within the volume to mount instead of its root.
    public var subPath: String

    /// Makes a volume mount.
    public init(name: String = "", readOnly: Bool = false, mountPath: String = "", subPath: String = "") {
        self.name = name
        self.readOnly = readOnly
        self.mountPath = mountPath
        self.subPath = subPath
    }

    private enum CodingKeys: String, CodingKey { case name, readOnly, mountPath, subPath }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(.name, or: "")
        readOnly = try c.decode(.readOnly, or: false)
        mountPath = try c.decode(.mountPath, or: "")
        subPath = try c.decode(.subPath, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeUnlessEmpty(readOnly, forKey: .readOnly)
        try c.encode(mountPath, forKey: .mountPath)
        try c.encodeUnlessEmpty(subPath, forKey: .subPath)
    }
}
