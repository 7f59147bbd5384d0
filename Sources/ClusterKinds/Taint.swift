// Stage 2 · ClusterKinds: a mark on a node that repels pods (core/v1 `Taint`).
//
// `node.kubernetes.io/unschedulable:NoSchedule` keeps new pods off a cordoned node;
// `node.kubernetes.io/not-ready:NoExecute` (stage 5) evicts pods from a node that
// stopped reporting. A pod goes to a tainted node only if it tolerates the taint.

import API

/// A key, optional value and effect on a node; set by administrators and the node
/// lifecycle controller, matched against pods' tolerations by the scheduler.
public struct Taint: Sendable, Hashable {
    /// The taint's key, such as `node.kubernetes.io/not-ready`.
    public var key: String
    /// The taint's value, often empty.
    public var value: String
    /// What the taint does to pods that do not tolerate it.
    public var effect: TaintEffect?
    /// When a NoExecute taint was added; evictions count from here.
    public var timeAdded: Time?

    public init(key: String = "", value: String = "", effect: TaintEffect? = nil, timeAdded: Time? = nil) {
        self.key = key
        self.value = value
        self.effect = effect
        self.timeAdded = timeAdded
    }
}

extension Taint: APIFields {
    public static let zero = Taint()
    public static let fields: [JSONField<Taint>] = [
        .always("key", \.key),
        .omitEmpty("value", \.value),
        .alwaysMember("effect", \.effect),
        .pointer("timeAdded", \.timeAdded),
    ]
}
