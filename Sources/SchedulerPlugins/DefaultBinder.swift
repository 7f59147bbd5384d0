// Stage 4 · SchedulerPlugins: writes the decision, `POST .../pods/{name}/binding`.
//
// The scheduler never edits a pod's `spec.nodeName` itself: it creates a Binding, and
// the API server sets the field (refusing with 409 if it is already set, so a pod is
// never bound twice). The write goes through the framework handle.

import API
import SchedulerFramework
import SchedulingKinds

/// Bind: posts a Binding of the pod to the chosen node.
public struct DefaultBinder: BindPlugin {
    public var name: String { PluginName.defaultBinder }

    let handle: any FrameworkHandle

    public init(handle: any FrameworkHandle) {
        self.handle = handle
    }

    public func bind(_ state: CycleState, _ pod: Pod, _ nodeName: String) async -> Status {
        do {
            try await handle.bind(Binding(pod: pod, nodeName: nodeName))
            return .success
        } catch {
            return .error("\(error)")
        }
    }
}
