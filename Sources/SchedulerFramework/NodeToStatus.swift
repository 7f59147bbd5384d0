// Stage 4 · SchedulerFramework: why each node turned the pod away (Kubernetes' NodeToStatus).
//
// Filter records the failing status of every node it rejected; PostFilter reads them
// to see where preemption could help (only `unschedulable` nodes), and FitError counts
// their reasons for the message a user reads. When PreFilter rejects the pod, no node
// is looked at and every node has the same status: `absentNodesStatus`.

/// The status of each node that did not pass Filter; nodes not listed have `absentNodesStatus`.
public struct NodeToStatus: Sendable {
    public private(set) var statuses: [String: Status] = [:]
    /// The status of every node not listed (Kubernetes defaults it to UnschedulableAndUnresolvable).
    public var absentNodesStatus = Status(.unschedulableAndUnresolvable)

    public init() {}

    public subscript(nodeName: String) -> Status {
        get { statuses[nodeName] ?? absentNodesStatus }
        set { statuses[nodeName] = newValue }
    }

    /// How many nodes are listed explicitly.
    public var count: Int { statuses.count }

    /// The nodes of `snapshot` whose status has `code` (listed or, for the absent status, not).
    public func nodes(withCode code: Status.Code, in snapshot: Snapshot) -> [Int] {
        snapshot.nodeInfoList.indices.filter { self[snapshot.nodeInfoList[$0].name].code == code }
    }
}
