// Stage 4 · SchedulerPlugins: Kubernetes' default profile, the plugins in its order with its weights.
//
// The list follows Kubernetes' getDefaultPlugins (v1.28-1.30), leaving out the plugins
// for what this cluster does not have (volumes, images, scheduling gates, dynamic
// resources). The order matters: Filter stops at the first rejection, so the cheap,
// decisive checks come first, and the rejecting plugin's reason is the one users read.
// Adding a plugin is writing its file and adding one line here.

import SchedulerFramework

/// The default scheduler profile.
public enum DefaultPlugins {
    /// Score weights of the default profile (plugins not listed weigh 1).
    public static let scoreWeights: [String: Int] = [
        PluginName.taintToleration: 3,
        PluginName.nodeAffinity: 2,
        PluginName.nodeResourcesFit: 1,
        PluginName.podTopologySpread: 2,
        PluginName.interPodAffinity: 2,
        PluginName.nodeResourcesBalancedAllocation: 1,
    ]

    /// The default plugins, in Kubernetes' order.
    public static func plugins(handle: any FrameworkHandle) -> [any Plugin] {
        [
            PrioritySort(),
            NodeUnschedulable(),
            NodeName(),
            TaintToleration(),
            NodeAffinity(),
            NodePorts(),
            NodeResourcesFit(),
            PodTopologySpread(),
            InterPodAffinity(),
            DefaultPreemption(),
            NodeResourcesBalancedAllocation(),
            DefaultBinder(handle: handle),
        ]
    }

    /// A framework with the default plugins and weights, writing through `handle`.
    public static func framework(handle: any FrameworkHandle, percentageOfNodesToScore: Int32 = 0) -> Framework {
        Framework(plugins: plugins(handle: handle), scoreWeights: scoreWeights, handle: handle,
                  percentageOfNodesToScore: percentageOfNodesToScore)
    }
}
