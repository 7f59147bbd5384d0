// Stage 1 · API: one fact about a pod and since when it holds (core/v1 `PodCondition`).
//
// `lastProbeTime` and `lastTransitionTime` are non-pointer `metav1.Time`s in Go, so
// they are always written, as `null` when unset: kubectl shows `"lastProbeTime": null`
// on every pod condition, because the kubelet never sets it.

/// A condition such as `Ready=True`; set by the kubelet (and by the scheduler for
/// PodScheduled), read by `kubectl get pods`, Services' endpoints and controllers.
public struct PodCondition: Sendable, Hashable, Codable {
    /// Which condition this is. Always written.
    public var type: PodConditionType
    /// Whether it holds. Always written; nil is Go's "" and is written as "".
    public var status: ConditionStatus?
    /// When the condition was last checked; `Time.zero` (null) if never.
    public var lastProbeTime: Time
    /// When `status` last changed.
    public var lastTransitionTime: Time
    /// A CamelCase reason for the last transition, such as `ContainersNotReady`.
    public var reason: String
    /// A human-readable message about the last transition.
    public var message: String

    /// Makes a condition.
    public init(
        type: PodConditionType = "", status: ConditionStatus? = nil, lastProbeTime: Time = .zero,
        lastTransitionTime: Time = .zero, reason: String = "", message: String = ""
    ) {
        self.type = type
        self.status = status
        self.lastProbeTime = lastProbeTime
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }

    private enum CodingKeys: String, CodingKey { case type, status, lastProbeTime, lastTransitionTime, reason, message }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decode(.type, or: "")
        status = try c.decodeMember(.status)
        lastProbeTime = try c.decode(.lastProbeTime, or: .zero)
        lastTransitionTime = try c.decode(.lastTransitionTime, or: .zero)
        reason = try c.decode(.reason, or: "")
        message = try c.decode(.message, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encodeAlways(status, forKey: .status)
        try c.encode(lastProbeTime, forKey: .lastProbeTime)
        try c.encode(lastTransitionTime, forKey: .lastTransitionTime)
        try c.encodeUnlessEmpty(reason, forKey: .reason)
        try c.encodeUnlessEmpty(message, forKey: .message)
    }
}
