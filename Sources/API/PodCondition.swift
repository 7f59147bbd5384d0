// Stage 1 · API: one fact about a pod and since when it holds (core/v1 `PodCondition`).
//
// `lastProbeTime` and `lastTransitionTime` are non-pointer `metav1.Time`s in Go, so
// they are always written, as `null` when unset: kubectl shows `"lastProbeTime": null`
// on every pod condition, because the kubelet never sets it.

/// A condition such as `Ready=True`; set by the kubelet (and by the scheduler for
/// PodScheduled), read by `kubectl get pods`, Services' endpoints and controllers.
public struct PodCondition: Sendable, Hashable {
    public var type: PodConditionType
    /// Whether it holds.
    public var status: ConditionStatus?
    /// When the condition was last checked; `Time.zero` (null) if never.
    public var lastProbeTime: Time
    /// When `status` last changed.
    public var lastTransitionTime: Time
    /// A CamelCase reason for the last transition, such as `ContainersNotReady`.
    public var reason: String
    /// A human-readable message about the last transition.
    public var message: String

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
}

extension PodCondition: APIFields {
    public static let zero = PodCondition()
    public static let fields: [JSONField<PodCondition>] = [
        .always("type", \.type),
        .alwaysMember("status", \.status),
        .structure("lastProbeTime", \.lastProbeTime),
        .structure("lastTransitionTime", \.lastTransitionTime),
        .omitEmpty("reason", \.reason),
        .omitEmpty("message", \.message),
    ]
}
