// Stage 2 · ClusterKinds: one fact about a node and when the kubelet last confirmed it
// (core/v1 `NodeCondition`).
//
// Unlike a pod condition, a node condition carries a heartbeat: the kubelet rewrites
// `lastHeartbeatTime` every few seconds even when nothing changed, and the node
// lifecycle controller (stage 5) marks a node whose heartbeat stops as NotReady.
// Both times are non-pointer `metav1.Time`s, so they are written as `null` when unset.

import API

/// A condition such as `Ready=True`; written by the kubelet, read by `kubectl get nodes`
/// (STATUS), the scheduler and the node lifecycle controller.
public struct NodeCondition: Sendable, Hashable, Codable {
    /// Which condition this is. Always written.
    public var type: NodeConditionType
    /// Whether it holds. Always written; nil is Go's "" and is written as "".
    public var status: ConditionStatus?
    /// When the kubelet last confirmed the condition.
    public var lastHeartbeatTime: Time
    /// When `status` last changed.
    public var lastTransitionTime: Time
    /// A CamelCase reason for the last transition, such as `KubeletReady`.
    public var reason: String
    /// A human-readable message about the last transition.
    public var message: String

    /// Makes a condition.
    public init(
        type: NodeConditionType = "", status: ConditionStatus? = nil, lastHeartbeatTime: Time = .zero,
        lastTransitionTime: Time = .zero, reason: String = "", message: String = ""
    ) {
        self.type = type
        self.status = status
        self.lastHeartbeatTime = lastHeartbeatTime
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }

    private enum CodingKeys: String, CodingKey {
        case type, status, lastHeartbeatTime, lastTransitionTime, reason, message
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decode(.type, or: "")
        status = try c.decodeMember(.status)
        lastHeartbeatTime = try c.decode(.lastHeartbeatTime, or: .zero)
        lastTransitionTime = try c.decode(.lastTransitionTime, or: .zero)
        reason = try c.decode(.reason, or: "")
        message = try c.decode(.message, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encodeAlways(status, forKey: .status)
        try c.encode(lastHeartbeatTime, forKey: .lastHeartbeatTime)
        try c.encode(lastTransitionTime, forKey: .lastTransitionTime)
        try c.encodeUnlessEmpty(reason, forKey: .reason)
        try c.encodeUnlessEmpty(message, forKey: .message)
    }
}
