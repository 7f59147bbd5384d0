// Stage 1 · API: the open set of pod condition types.
//
// Condition types are an open vocabulary: Kubernetes adds new ones over releases
// (`PodReadyToStartContainers` arrived in 1.29) and pods may carry custom readiness
// gates. So unlike `RestartPolicy` this is not an enum: any string decodes, and the
// well-known ones are static constants, so code reads `condition.type == .ready`.

/// The kind of a pod condition (`status.conditions[].type`); the kubelet writes the
/// well-known ones below, and `kubectl get pods` derives READY from `.ready`.
public struct PodConditionType: RawRepresentable, Codable, Sendable, Hashable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The type's name as Kubernetes writes it.
    public var rawValue: String

    /// Wraps any condition type name, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Allows `"Ready"` wherever a condition type is expected.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The scheduler has bound the pod to a node.
    public static let podScheduled: PodConditionType = "PodScheduled"
    /// The pod sandbox is ready and its network configured.
    public static let podReadyToStartContainers: PodConditionType = "PodReadyToStartContainers"
    /// Every init container has completed.
    public static let initialized: PodConditionType = "Initialized"
    /// Every container is ready.
    public static let containersReady: PodConditionType = "ContainersReady"
    /// The pod can serve: its containers are ready and its readiness gates pass.
    public static let ready: PodConditionType = "Ready"

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

extension PodConditionType: FieldShaped {
    /// Any string: the set is open.
    public static var fieldShape: FieldShape { String.fieldShape }
}
