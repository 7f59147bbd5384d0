// Stage 4 · SchedulerFramework: what a failed search for a node found out (Kubernetes' framework.Diagnosis).

/// Why no node fits: per-node statuses, the plugins that rejected the pod, PreFilter's message.
public struct Diagnosis: Sendable {
    public var nodeToStatus = NodeToStatus()
    /// The plugins that turned the pod away; the queue requeues it on events these care about.
    public var unschedulablePlugins: Set<String> = []
    /// Set when PreFilter rejected the pod before any node was looked at.
    public var preFilterMessage = ""

    public init() {}
}
