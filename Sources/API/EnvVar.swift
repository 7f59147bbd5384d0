// Stage 1 · API: one environment variable of a container (core/v1 `EnvVar`).
//
// Only literal values for now; `valueFrom` (from a field of the pod, a ConfigMap or a
// Secret) is left out and dropped when decoding.

/// A `NAME=value` pair the kubelet puts into a container's environment.
public struct EnvVar: Sendable, Hashable {
    public var name: String = ""
    /// The value; `$(OTHER)` references are expanded by the kubelet.
    public var value: String = ""

    public init() {}
}

extension EnvVar: APIFields {
    public static let zero = EnvVar()
    public static let fields: [JSONField<EnvVar>] = [
        .always("name", \.name),
        .omitEmpty("value", \.value),
    ]
}
