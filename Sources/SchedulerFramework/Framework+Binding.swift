// Stage 4 · SchedulerFramework: Reserve, Permit, PreBind, Bind and PostBind, the points after a node is chosen.
//
// Reserve runs in the scheduling cycle, right after the pod is assumed; everything
// from Permit's waiting on runs in the binding cycle, on its own task, so that a slow
// API write does not hold up the next pod. Any failure from Reserve on makes the
// scheduler call Unreserve (in reverse order) and forget the assumed pod.

import API

extension Framework {
    /// Runs every Reserve plugin; the first failure ends it (the caller then unreserves).
    public func runReservePluginsReserve(_ state: CycleState, _ pod: Pod, _ nodeName: String) async -> Status {
        for plugin in reservePlugins {
            let status = await plugin.reserve(state, pod, nodeName)
            if !status.isSuccess { return status.withPlugin(plugin.name) }
        }
        return .success
    }

    /// Undoes Reserve, last plugin first.
    public func runReservePluginsUnreserve(_ state: CycleState, _ pod: Pod, _ nodeName: String) async {
        for plugin in reservePlugins.reversed() {
            await plugin.unreserve(state, pod, nodeName)
        }
    }

    /// Runs every Permit plugin and, if any said `wait`, waits until they all allow the pod.
    public func runPermitPlugins(_ state: CycleState, _ pod: Pod, _ nodeName: String) async -> Status {
        var waitingOn: Set<String> = []
        var timeout = Framework.maxPermitTimeout
        var timeoutPlugin = ""
        for plugin in permitPlugins {
            let (status, pluginTimeout) = await plugin.permit(state, pod, nodeName)
            if status.isWait {
                waitingOn.insert(plugin.name)
                let capped = min(pluginTimeout, Framework.maxPermitTimeout)
                if timeoutPlugin.isEmpty || capped < timeout {
                    timeout = capped
                    timeoutPlugin = plugin.name
                }
            } else if !status.isSuccess {
                return status.withPlugin(plugin.name)
            }
        }
        guard !waitingOn.isEmpty else { return .success }
        return await waitingPods.wait(PodInfo.key(of: pod), plugins: waitingOn, timeout: timeout,
                                      timeoutPlugin: timeoutPlugin)
    }

    /// Runs every PreBind plugin; the first failure ends it.
    public func runPreBindPlugins(_ state: CycleState, _ pod: Pod, _ nodeName: String) async -> Status {
        for plugin in preBindPlugins {
            let status = await plugin.preBind(state, pod, nodeName)
            if !status.isSuccess { return status.withPlugin(plugin.name) }
        }
        return .success
    }

    /// Asks each binder in turn until one does not `skip`; `skip` when all did.
    public func runBindPlugins(_ state: CycleState, _ pod: Pod, _ nodeName: String) async -> Status {
        for plugin in bindPlugins {
            let status = await plugin.bind(state, pod, nodeName)
            if status.isSkip { continue }
            return status.withPlugin(plugin.name)
        }
        return Status(.skip)
    }

    /// Tells every PostBind plugin the pod is bound.
    public func runPostBindPlugins(_ state: CycleState, _ pod: Pod, _ nodeName: String) async {
        for plugin in postBindPlugins {
            await plugin.postBind(state, pod, nodeName)
        }
    }
}
