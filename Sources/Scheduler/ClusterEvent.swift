// Stage 4 · Scheduler: a change in the cluster that may let an unschedulable pod fit.
//
// A pod that fits nowhere waits in the unschedulable pool, and the scheduler does not try
// it again on a timer: it waits for news. A node is added, a node's labels or taints or
// allocatable change, a node is uncordoned, an assigned pod goes away and frees room. Each
// such news is a `ClusterEvent`, named as Kubernetes names them
// (`pkg/scheduler/internal/queue/events.go`): what changed (a `resource`), how (an
// `actionType`, a bit set, so that "any update of a node" covers "its labels changed"),
// and a `label` for logs. Each plugin registers the events that could change its mind
// (`ClusterEvent+DefaultPlugins.swift`); a pod rejected by NodeAffinity is moved back by a
// node's label change, not by a pod's deletion, which frees no label.

/// Something that changed in the cluster; the scheduler's event handlers send it to
/// `SchedulingQueue.moveAllToActiveOrBackoffQueue`. A struct, as Kubernetes' is, so that
/// plugins can register wide events (`Node` with `.all`) that match narrow ones.
public struct ClusterEvent: Sendable, Hashable, CustomStringConvertible {
    /// The kind of object that changed; `*` (wildCard) stands for any.
    public enum Resource: String, Sendable, Hashable {
        case pod = "Pod"
        case node = "Node"
        case wildCard = "*"
    }

    /// How it changed: Kubernetes' `ActionType` bits.
    public struct ActionType: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        public static let add = ActionType(rawValue: 1 << 0)
        public static let delete = ActionType(rawValue: 1 << 1)
        public static let updateNodeAllocatable = ActionType(rawValue: 1 << 2)
        public static let updateNodeLabel = ActionType(rawValue: 1 << 3)
        public static let updateNodeTaint = ActionType(rawValue: 1 << 4)
        public static let updateNodeCondition = ActionType(rawValue: 1 << 5)
        /// Any update, of whatever field.
        public static let update: ActionType = [.updateNodeAllocatable, .updateNodeLabel, .updateNodeTaint, .updateNodeCondition]
        public static let all: ActionType = [.add, .delete, .update]
    }

    public var resource: Resource
    public var actionType: ActionType
    /// Kubernetes' name of the event, as its logs and metrics say it.
    public var label: String

    public init(resource: Resource, actionType: ActionType, label: String = "") {
        self.resource = resource
        self.actionType = actionType
        self.label = label
    }

    public var description: String { label.isEmpty ? "\(resource.rawValue)/\(actionType.rawValue)" : label }

    /// Whether this is the event that matches every other (the pool's timeout, a forced move).
    public var isWildCard: Bool { resource == .wildCard && actionType == .all }

    /// Whether `event` is one this (registered) event covers: Kubernetes' `ClusterEvent.Match`.
    public func matches(_ event: ClusterEvent) -> Bool {
        isWildCard || ((resource == .wildCard || resource == event.resource) && !actionType.intersection(event.actionType).isEmpty)
    }

    // MARK: Kubernetes' events

    /// A pod was bound to a node (it may satisfy another pod's affinity).
    public static let assignedPodAdd = ClusterEvent(resource: .pod, actionType: .add, label: "AssignedPodAdd")
    /// A bound pod changed (its labels, say).
    public static let assignedPodUpdate = ClusterEvent(resource: .pod, actionType: .update, label: "AssignedPodUpdate")
    /// A bound pod went away, and with it the resources and ports it held.
    public static let assignedPodDelete = ClusterEvent(resource: .pod, actionType: .delete, label: "AssignedPodDelete")
    /// A node joined.
    public static let nodeAdd = ClusterEvent(resource: .node, actionType: .add, label: "NodeAdd")
    /// A node was uncordoned; a taint change in Kubernetes' terms, since cordoning is a taint.
    public static let nodeSpecUnschedulableChange = ClusterEvent(
        resource: .node, actionType: .updateNodeTaint, label: "NodeSpecUnschedulableChange")
    public static let nodeAllocatableChange = ClusterEvent(
        resource: .node, actionType: .updateNodeAllocatable, label: "NodeAllocatableChange")
    public static let nodeLabelChange = ClusterEvent(resource: .node, actionType: .updateNodeLabel, label: "NodeLabelChange")
    public static let nodeTaintChange = ClusterEvent(resource: .node, actionType: .updateNodeTaint, label: "NodeTaintChange")
    public static let nodeConditionChange = ClusterEvent(
        resource: .node, actionType: .updateNodeCondition, label: "NodeConditionChange")
    /// A pod stayed in the unschedulable pool for `maxInUnschedulablePods`: try it anyway.
    public static let unschedulableTimeout = ClusterEvent(resource: .wildCard, actionType: .all, label: "UnschedulableTimeout")
    /// Move everything, whatever rejected it.
    public static let forceActivate = ClusterEvent(resource: .wildCard, actionType: .all, label: "ForceActivate")
}
