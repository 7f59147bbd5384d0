// Stage 4 · Scheduler: the events each of Kubernetes' default plugins registers.
//
// Every filter plugin says, through its `EventsToRegister`, which cluster events could
// turn its "no" into a "yes". The queue joins that list with the plugins that rejected a
// pod: an event moves the pod back only when one of its rejecting plugins registered it.
// The table below is Kubernetes' registrations for the default plugins (each plugin's
// `EventsToRegister`, v1.27-1.28); the scheduler passes it, or its own, to the queue.

extension ClusterEvent {
    /// Plugin names by the events they registered: Kubernetes' `clusterEventMap`.
    public typealias PluginMap = [ClusterEvent: Set<String>]

    /// What Kubernetes' default plugins register.
    public static let defaultPluginEvents: PluginMap = {
        let registrations: [String: [ClusterEvent]] = [
            "NodeUnschedulable": [ClusterEvent(resource: .node, actionType: [.add, .updateNodeTaint])],
            "NodeName": [ClusterEvent(resource: .node, actionType: [.add, .update])],
            "TaintToleration": [ClusterEvent(resource: .node, actionType: [.add, .update])],
            "NodeAffinity": [ClusterEvent(resource: .node, actionType: [.add, .update])],
            "NodePorts": [ClusterEvent(resource: .pod, actionType: .delete), ClusterEvent(resource: .node, actionType: [.add, .update])],
            "NodeResourcesFit": [
                ClusterEvent(resource: .pod, actionType: .delete), ClusterEvent(resource: .node, actionType: [.add, .update]),
            ],
            "PodTopologySpread": [
                ClusterEvent(resource: .pod, actionType: .all),
                ClusterEvent(resource: .node, actionType: [.add, .delete, .updateNodeLabel]),
            ],
            "InterPodAffinity": [
                ClusterEvent(resource: .pod, actionType: .all), ClusterEvent(resource: .node, actionType: [.add, .updateNodeLabel]),
            ],
        ]
        var map: PluginMap = [:]
        for (plugin, events) in registrations {
            for event in events { map[event, default: []].insert(plugin) }
        }
        return map
    }()
}
