// Stage 2 · ClusterKinds: the open set of node condition types.
//
// Open for the same reason as `PodConditionType`: node problem detectors add their own
// (`KernelDeadlock`, `FrequentKubeletRestart`), and any string must decode.

/// The kind of a node condition (`status.conditions[].type`); the kubelet writes the
/// well-known ones below, and `kubectl get nodes` derives STATUS from `.ready`.
public struct NodeConditionType: RawRepresentable, Codable, Sendable, Hashable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The type's name as Kubernetes writes it.
    public var rawValue: String

    /// Wraps any condition type name, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Allows `"Ready"` wherever a node condition type is expected.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The kubelet is healthy and ready to accept pods.
    public static let ready: NodeConditionType = "Ready"
    /// The node is short of memory.
    public static let memoryPressure: NodeConditionType = "MemoryPressure"
    /// The node is short of disk space.
    public static let diskPressure: NodeConditionType = "DiskPressure"
    /// The node is running too many processes.
    public static let pidPressure: NodeConditionType = "PIDPressure"
    /// The node's network is not configured.
    public static let networkUnavailable: NodeConditionType = "NetworkUnavailable"

    /// Decodes from a plain string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes as a plain string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}
