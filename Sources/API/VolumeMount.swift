// Stage 1 · API: where a volume appears inside a container (core/v1 `VolumeMount`).
//
// Also here: `VolumeDevice`, a block device rather than a mounted filesystem.
// Left out: mountPropagation, recursiveReadOnly, subPathExpr.

/// Mounts one of the pod's volumes at a path in a container; carried out by the runtime.
public struct VolumeMount: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var name: String
    public var readOnly: Bool
    public var mountPath: String
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
        .always("name", \.name, "The name of the pod volume to mount."),
        .omitEmpty("readOnly", \.readOnly, "Mount the volume read-only."),
        .always("mountPath", \.mountPath, "Where in the container the volume appears; may not contain a colon."),
        .omitEmpty("subPath", \.subPath, "A path inside the volume to mount instead of its root."),
    ]
}

/// A raw block device of the pod's volumes, given to a container at a device path
/// (core/v1 `VolumeDevice`); the process runtime gives none.
public struct VolumeDevice: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var name: String = ""
    public var devicePath: String = ""

    public init() {}
}

extension VolumeDevice: APIFields {
    public static let zero = VolumeDevice()
    public static let fields: [JSONField<VolumeDevice>] = [
        .always("name", \.name, "The name of a persistentVolumeClaim volume of the pod."),
        .always("devicePath", \.devicePath, "The path of the device inside the container."),
    ]
}
