// Stage 1 · API: one fact about a pod and since when it holds (core/v1 `PodCondition`).
//
// `lastProbeTime` and `lastTransitionTime` are non-pointer `metav1.Time`s in Go, so
// they are always written, as `null` when unset: kubectl shows `"lastProbeTime": null`
// on every pod condition, because the kubelet never sets it.

/// A condition such as `Ready=True`; set by the kubelet (and by the scheduler for
/// PodScheduled), read by `kubectl get pods`, Services' endpoints and controllers.
public struct PodCondition: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var type: PodConditionType
    public var status: ConditionStatus?
    public var lastProbeTime: Time
    public var lastTransitionTime: Time
    public var reason: String
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
        .always("type", \.type, "The condition: PodScheduled, Initialized, ContainersReady, Ready, or a readiness gate's type."),
        .alwaysMember("status", \.status, "Whether the condition holds: True, False or Unknown."),
        .structure("lastProbeTime", \.lastProbeTime, "When the condition was last checked; null if never."),
        .structure("lastTransitionTime", \.lastTransitionTime, "When status last changed."),
        .omitEmpty("reason", \.reason, "A CamelCase reason for the last transition, such as ContainersNotReady."),
        .omitEmpty("message", \.message, "A human-readable message about the last transition."),
    ]
}
