// Stage 2 · ClusterKinds: a mark on a node that repels pods (core/v1 `Taint`).
//
// `node.kubernetes.io/unschedulable:NoSchedule` keeps new pods off a cordoned node;
// `node.kubernetes.io/not-ready:NoExecute` (stage 5) evicts pods from a node that
// stopped reporting. A pod goes to a tainted node only if it tolerates the taint.

import API

/// A key, optional value and effect on a node; set by administrators and the node
/// lifecycle controller, matched against pods' tolerations by the scheduler.
public struct Taint: Sendable, Hashable, Codable {
    /// The taint's key, such as `node.kubernetes.io/not-ready`. Always written.
    public var key: String
    /// The taint's value, often empty.
    public var value: String
    /// What the taint does to pods that do not tolerate it. Always written; nil is Go's "".
    public var effect: TaintEffect?
    /// When a NoExecute taint was added; evictions count from here.
    public var timeAdded: Time?

    /// Makes a taint.
    public init(key: String = "", value: String = "", effect: TaintEffect? = nil, timeAdded: Time? = nil) {
        self.key = key
        self.value = value
        self.effect = effect
        self.timeAdded = timeAdded
    }

    private enum CodingKeys: String, CodingKey { case key, value, effect, timeAdded }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(.key, or: "")
        value = try c.decode(.value, or: "")
        effect = try c.decodeMember(.effect)
        timeAdded = try c.decodeIfPresent(.timeAdded)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encodeUnlessEmpty(value, forKey: .value)
        try c.encodeAlways(effect, forKey: .effect)
        try c.encodeIfPresent(timeAdded, forKey: .timeAdded)
    }
}
