// Stage 1 · API: fields of the pod as a folder of files (core/v1 `DownwardAPIVolumeSource`).
//
// The downward API as files: each item names a file and the pod field (`metadata.labels`,
// `metadata.annotations`, `metadata.name`…) or container resource it holds. Unlike env
// variables, which are fixed when a container starts, these files could follow the pod's
// labels as they change; the kubelet rewrites them at each sync.

/// The files of a downward API volume.
public struct DownwardAPIVolumeSource: Sendable, Hashable {
    public var items: [DownwardAPIVolumeFile]
    public var defaultMode: Int32?

    public init(items: [DownwardAPIVolumeFile] = [], defaultMode: Int32? = nil) {
        self.items = items
        self.defaultMode = defaultMode
    }
}

extension DownwardAPIVolumeSource: APIFields {
    public static let zero = DownwardAPIVolumeSource()
    public static let fields: [JSONField<DownwardAPIVolumeSource>] = [
        .omitEmpty("items", \.items, "The files, each holding one field of the pod."),
        .pointer("defaultMode", \.defaultMode, "The files' permission bits; 0644 by default."),
    ]
}

/// One file of a downward API volume: its relative `path` and the field it holds; exactly
/// one of `fieldRef` and `resourceFieldRef` is set.
public struct DownwardAPIVolumeFile: Sendable, Hashable {
    public var path: String
    public var fieldRef: ObjectFieldSelector?
    public var resourceFieldRef: ResourceFieldSelector?
    public var mode: Int32?

    public init(path: String = "", fieldRef: ObjectFieldSelector? = nil,
                resourceFieldRef: ResourceFieldSelector? = nil, mode: Int32? = nil) {
        self.path = path
        self.fieldRef = fieldRef
        self.resourceFieldRef = resourceFieldRef
        self.mode = mode
    }
}

extension DownwardAPIVolumeFile: APIFields {
    public static let zero = DownwardAPIVolumeFile()
    public static let fields: [JSONField<DownwardAPIVolumeFile>] = [
        .always("path", \.path, "The file's path inside the volume: relative, without '..'."),
        .pointer("fieldRef", \.fieldRef, "A field of the pod: metadata.name, namespace, uid, labels or annotations."),
        .pointer("resourceFieldRef", \.resourceFieldRef, "A resource limit or request of a container named by containerName."),
        .pointer("mode", \.mode, "This file's permission bits, instead of the volume's defaultMode."),
    ]
}
