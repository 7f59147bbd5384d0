// Stage 1 · API: a reference by name to an object in the same namespace (core/v1 `LocalObjectReference`).
//
// A pod's `imagePullSecrets` name Secrets that hold registry credentials; the kubelet
// would read them to pull private images. The process runtime pulls nothing.

/// The name of an object in the referrer's namespace.
public struct LocalObjectReference: Sendable, Hashable {
    public var name: String = ""

    public init() {}
}

extension LocalObjectReference: APIFields {
    public static let zero = LocalObjectReference()
    public static let fields: [JSONField<LocalObjectReference>] = [
        .omitEmpty("name", \.name, "The name of the object, in the same namespace."),
    ]
}
