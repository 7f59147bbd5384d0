// Stage 4 · SchedulerFramework: running PreFilter, Filter and PostFilter for one pod.
//
// PreFilter runs each plugin once; one that says `skip` is left out of Filter for this
// pod, which is how a pod without host ports never pays for the NodePorts check. Filter
// stops at the first plugin that rejects a node: the node is out, and its status names
// that plugin. PostFilter (preemption) runs only when no node passed; the first plugin
// that succeeds, or says nothing can help, ends it.

import API

extension Framework {
    /// Runs every PreFilter plugin; returns the merged node restriction and the first rejection.
    public func runPreFilterPlugins(_ state: CycleState, _ pod: Pod, _ snapshot: Snapshot)
        -> (PreFilterResult?, Status) {
        var result: PreFilterResult?
        var skipped: Set<String> = []
        var restrictedBy: [String] = []
        for plugin in preFilterPlugins {
            let (pluginResult, status) = plugin.preFilter(state, pod, snapshot)
            if status.isSkip {
                skipped.insert(plugin.name)
                continue
            }
            guard status.isSuccess else { return (nil, status.withPlugin(plugin.name)) }
            if let names = pluginResult?.nodeNames {
                restrictedBy.append(plugin.name)
                result = PreFilterResult(nodeNames: result?.nodeNames.map { $0.intersection(names) } ?? names)
                if result?.nodeNames?.isEmpty == true {
                    let message = "node(s) didn't satisfy plugin(s) [\(restrictedBy.joined(separator: " "))] simultaneously"
                    return (nil, Status(.unschedulableAndUnresolvable, message, plugin: plugin.name))
                }
            }
        }
        if !skipped.isEmpty { state.skipFilterPlugins = skipped }
        return (result, .success)
    }

    /// The Filter plugins that run for this pod: those whose PreFilter did not skip.
    public func activeFilterPlugins(_ state: CycleState) -> [any FilterPlugin] {
        let skipped = state.skipFilterPlugins
        return skipped.isEmpty ? filterPlugins : filterPlugins.filter { !skipped.contains($0.name) }
    }

    /// Runs the Filter plugins on one node; the first rejection ends it.
    public func runFilterPlugins(_ state: CycleState, _ pod: Pod, _ nodeInfo: NodeInfo) -> Status {
        Framework.runFilterPlugins(activeFilterPlugins(state), state, pod, nodeInfo)
    }

    /// The inner loop's form: the active plugins computed once per pod, not per node.
    @inline(__always)
    static func runFilterPlugins(_ plugins: [any FilterPlugin], _ state: CycleState, _ pod: Pod,
                                 _ nodeInfo: NodeInfo) -> Status {
        for plugin in plugins {
            let status = plugin.filter(state, pod, nodeInfo)
            if !status.isSuccess { return status.withPlugin(plugin.name) }
        }
        return .success
    }

    /// Tells the PreFilter plugins that `podInfo` was added to `nodeInfo` in a what-if (preemption's reprieve).
    public func runPreFilterExtensionAddPod(_ state: CycleState, _ pod: Pod, _ podInfo: PodInfo, _ nodeInfo: NodeInfo)
        -> Status {
        let skipped = state.skipFilterPlugins
        for plugin in preFilterPlugins where !skipped.contains(plugin.name) {
            guard let extensions = plugin as? any PreFilterExtensions else { continue }
            let status = extensions.addPod(state, pod, podInfo, nodeInfo)
            if !status.isSuccess { return status.withPlugin(plugin.name) }
        }
        return .success
    }

    /// Tells the PreFilter plugins that `podInfo` was removed from `nodeInfo` in a what-if (preemption's victims).
    public func runPreFilterExtensionRemovePod(_ state: CycleState, _ pod: Pod, _ podInfo: PodInfo, _ nodeInfo: NodeInfo)
        -> Status {
        let skipped = state.skipFilterPlugins
        for plugin in preFilterPlugins where !skipped.contains(plugin.name) {
            guard let extensions = plugin as? any PreFilterExtensions else { continue }
            let status = extensions.removePod(state, pod, podInfo, nodeInfo)
            if !status.isSuccess { return status.withPlugin(plugin.name) }
        }
        return .success
    }

    /// Runs PostFilter (preemption) after no node passed Filter; returns the nominated node, if any.
    public func runPostFilterPlugins(_ state: CycleState, _ pod: Pod, _ statuses: NodeToStatus, _ snapshot: Snapshot)
        async -> (nominatedNodeName: String?, Status) {
        var reasons: [String] = []
        var rejectedBy = ""
        var nominatedNodeName: String?
        for plugin in postFilterPlugins {
            let (result, status) = await plugin.postFilter(state, pod, statuses, snapshot, self)
            if status.isSuccess { return (result?.nominatedNodeName, status.withPlugin(plugin.name)) }
            if status.code == .unschedulableAndUnresolvable || !status.isRejected {
                return (result?.nominatedNodeName, status.withPlugin(plugin.name))
            }
            if let result { nominatedNodeName = result.nominatedNodeName }
            reasons += status.reasons
            if rejectedBy.isEmpty { rejectedBy = plugin.name }
        }
        return (nominatedNodeName, Status(.unschedulable, reasons: reasons, plugin: rejectedBy))
    }
}
