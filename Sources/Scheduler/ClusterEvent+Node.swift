// Stage 4 · Scheduler: which scheduling-relevant fields of a node an update changed.
//
// A node is updated every heartbeat (10 s per kubelet), and almost every update changes
// nothing the scheduler cares about: only the conditions' heartbeat times moved on. Moving
// every unschedulable pod on each heartbeat would retry them all, in vain, many times a
// second on a big cluster. So the scheduler's node-update handler asks which of the
// fields the plugins read changed (Kubernetes' `nodeSchedulingPropertiesChange` in
// `eventhandlers.go`) and sends only those events.

import API
import ClusterKinds

extension ClusterEvent {
    /// The events that the change from `old` to `new` stands for; empty when none a plugin reads.
    public static func nodeUpdates(old: Node, new: Node) -> [ClusterEvent] {
        var events: [ClusterEvent] = []
        // Only uncordoning can help a pod; cordoning can only hurt, so it moves nothing.
        if old.spec.unschedulable != new.spec.unschedulable && !new.spec.unschedulable {
            events.append(.nodeSpecUnschedulableChange)
        }
        if old.status.allocatable != new.status.allocatable { events.append(.nodeAllocatableChange) }
        if old.metadata.labels != new.metadata.labels { events.append(.nodeLabelChange) }
        if old.spec.taints != new.spec.taints { events.append(.nodeTaintChange) }
        if conditionStatuses(old) != conditionStatuses(new) { events.append(.nodeConditionChange) }
        return events
    }

    /// Each condition's status by type; their times are left out, since they move every heartbeat.
    private static func conditionStatuses(_ node: Node) -> [NodeConditionType: ConditionStatus?] {
        var statuses: [NodeConditionType: ConditionStatus?] = [:]
        for condition in node.status.conditions { statuses[condition.type] = condition.status }
        return statuses
    }
}
