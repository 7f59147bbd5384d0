// Stage 4 · SchedulerPlugins: the scheduling queue's order, higher priority first, then first come.
//
// The queue keeps pending pods in a heap whose order is this plugin's `less`: a pod of
// a higher priority is tried before any of a lower one, and among equals the one that
// has waited longest goes first.

import SchedulerFramework

/// Orders the active queue by priority, then by when the pod was queued.
public struct PrioritySort: QueueSortPlugin {
    public var name: String { PluginName.prioritySort }

    public init() {}

    public func less(_ a: QueuedPodInfo, _ b: QueuedPodInfo) -> Bool {
        let (p1, p2) = (a.pod.schedulingPriority, b.pod.schedulingPriority)
        return p1 > p2 || (p1 == p2 && a.timestamp < b.timestamp)
    }
}
