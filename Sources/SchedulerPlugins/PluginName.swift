// Stage 4 · SchedulerPlugins: the default plugins' names, as Kubernetes spells them in its configuration.
//
// A plugin's name keys its score weight, its cycle state, and the "unschedulable
// plugins" the queue uses to decide which cluster events can help a pod, so every file
// takes its name from here.
//
// A note on `Status`: APIMachinery has one too (the API's error body). The files here
// that need APIMachinery (for label selectors) spell the framework's as
// `SchedulerFramework.Status`; the others import only the framework's.

import SchedulerFramework

/// The names of Kubernetes' default scheduler plugins.
public enum PluginName {
    public static let prioritySort = "PrioritySort"
    public static let nodeUnschedulable = "NodeUnschedulable"
    public static let nodeName = "NodeName"
    public static let taintToleration = "TaintToleration"
    public static let nodeAffinity = "NodeAffinity"
    public static let nodePorts = "NodePorts"
    public static let nodeResourcesFit = "NodeResourcesFit"
    public static let podTopologySpread = "PodTopologySpread"
    public static let interPodAffinity = "InterPodAffinity"
    public static let defaultPreemption = "DefaultPreemption"
    public static let nodeResourcesBalancedAllocation = "NodeResourcesBalancedAllocation"
    public static let defaultBinder = "DefaultBinder"
}

extension PluginName {
    /// The cycle-state keys of plugins that keep PreFilter and PreScore state apart: made
    /// once, because Score reads them for every node.
    enum scoreStateKey {
        static let nodeResourcesFit = PluginName.nodeResourcesFit + "/score"
        static let podTopologySpread = PluginName.podTopologySpread + "/score"
        static let interPodAffinity = PluginName.interPodAffinity + "/score"
    }
}
