// Stage 1 · API: a pod's permission to run on a tainted node (core/v1 `Toleration`).
//
// A node's taint (`key=value:Effect`) keeps off every pod that does not tolerate it;
// a toleration matches a taint by key, by value (operator Equal) or by key alone
// (operator Exists), and by effect (none matches every effect). The scheduler of
// stage 4 checks NoSchedule taints; `tolerationSeconds` bounds how long a pod stays on a
// node that gains a NoExecute taint (the node lifecycle controller, stage 5).

/// One taint a pod tolerates.
public struct Toleration: Sendable, Hashable {
    public var key: String = ""
    public var `operator`: TolerationOperator?
    public var value: String = ""
    public var effect: TaintEffect?
    public var tolerationSeconds: Int64?

    public init() {}
}

extension Toleration: APIFields {
    public static let typeDescription = "A taint the pod tolerates: matched by key, value (operator Equal) or key alone (Exists), and effect."
    public static let zero = Toleration()
    public static let fields: [JSONField<Toleration>] = [
        .omitEmpty("key", \.key, "The taint key the toleration matches; empty matches every key (with operator Exists)."),
        .member("operator", \.operator, "How the value is compared: Equal (the default) or Exists, which matches any value."),
        .omitEmpty("value", \.value, "The taint value the toleration matches, for operator Equal."),
        .member("effect", \.effect, "The taint effect matched: NoSchedule, PreferNoSchedule or NoExecute; empty matches all."),
        .pointer("tolerationSeconds", \.tolerationSeconds,
                 "For NoExecute: how long the pod stays bound after the taint appears; unset means forever."),
    ]
}
