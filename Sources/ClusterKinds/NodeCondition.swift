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
public struct NodeCondition: Sendable, Hashable {
    public var type: NodeConditionType
    /// Whether it holds.
    public var status: ConditionStatus?
    /// When the kubelet last confirmed the condition.
    public var lastHeartbeatTime: Time
    /// When `status` last changed.
    public var lastTransitionTime: Time
    /// A CamelCase reason for the last transition, such as `KubeletReady`.
    public var reason: String
    /// A human-readable message about the last transition.
    public var message: String

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
}

extension NodeCondition: APIFields {
    public static let zero = NodeCondition()
    public static let fields: [JSONField<NodeCondition>] = [
        .always("type", \.type),
        .alwaysMember("status", \.status),
        .structure("lastHeartbeatTime", \.lastHeartbeatTime),
        .structure("lastTransitionTime", \.lastTransitionTime),
        .omitEmpty("reason", \.reason),
        .omitEmpty("message", \.message),
    ]
}
