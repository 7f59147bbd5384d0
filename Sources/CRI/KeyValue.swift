// Stage 1 · CRI: one environment variable.
//
// CRI's `KeyValue`. Environment variables are a list, not a dictionary, because order matters
// in Kubernetes: a later variable may refer to an earlier one with `$(NAME)`, which the kubelet
// expands before it calls the runtime.

/// One `NAME=value` environment variable of a container, in the order the pod spec gives it.
public struct KeyValue: Sendable, Hashable, Codable {
    public var key: String
    /// The variable's value, already expanded by the kubelet.
    public var value: String

    /// Makes a variable; the kubelet calls it for each entry of a container's `env`.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
