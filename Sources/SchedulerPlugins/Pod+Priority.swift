// Stage 4 · SchedulerPlugins: a pod's priority as the scheduler reads it (Kubernetes' corev1helpers.PodPriority).
//
// The API server's priority admission copies the PriorityClass's value into
// `spec.priority`; a pod without one has priority 0.

import API

extension Pod {
    /// `spec.priority`, or 0 when it is unset.
    public var schedulingPriority: Int32 { spec.priority ?? 0 }
}
