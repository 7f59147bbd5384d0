// Stage 1 · API: one environment variable of a container (core/v1 `EnvVar`).
//
// Only literal values for now; `valueFrom` (from a field of the pod, a ConfigMap or a
// Secret) is left out and dropped when decoding.

/// A `NAME=value` pair the kubelet puts into a container's environment.
public struct EnvVar: Sendable, Hashable, Codable {
    /// The variable's name. Always written (no omitempty).
    public var name: String
    /// The value; `$(OTHER)` references are expanded by the kubelet.
    public var value: String

    /// Makes an environment variable.
    public init(name: String = "", value: String = "") {
        self.name = name
        self.value = value
    }

    private enum CodingKeys: String, CodingKey { case name, value }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(.name, or: "")
        value = try c.decode(.value, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeUnlessEmpty(value, forKey: .value)
    }
}
