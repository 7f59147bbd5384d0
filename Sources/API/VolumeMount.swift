// Stage 1 · API: where a volume appears inside a container (core/v1 `VolumeMount`).
//
// Left out: mountPropagation, recursiveReadOnly, subPathExpr.

/// Mounts one of the pod's volumes at a path in a container; carried out by the runtime.
public struct VolumeMount: Sendable, Hashable {
    /// The name of the pod volume to mount.
    public var name: String
    /// Mount read-only.
    public var readOnly: Bool
    /// The path inside the container.
    public var mountPath: String
    /// A path within the volume to mount instead of its root.
    public var subPath: String

    public init(name: String = "", readOnly: Bool = false, mountPath: String = "", subPath: String = "") {
        self.name = name
        self.readOnly = readOnly
        self.mountPath = mountPath
        self.subPath = subPath
    }
}

extension VolumeMount: APIFields {
    public static let zero = VolumeMount()
    public static let fields: [JSONField<VolumeMount>] = [
        .always("name", \.name),
        .omitEmpty("readOnly", \.readOnly),
        .always("mountPath", \.mountPath),
        .omitEmpty("subPath", \.subPath),
    ]
}
