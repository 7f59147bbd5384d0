// Stage 2 · APIServer: what the API server does to a pod on create and update.
//
// Kubernetes gives every resource a *strategy*: how to prepare an object that is being
// created or updated, and how to validate it. For pods (`pkg/registry/core/pod/strategy.go`):
//   - on create, the status a client sent is thrown away: a new pod is `Pending`, and
//     only the kubelet may say otherwise, through the `status` subresource;
//   - on update, the status is kept, and the spec may barely change: a running pod's
//     containers can get a new image, and little else. To change anything more, you make
//     a new pod (which is what Deployments do).
//   - through the `status` subresource it is the other way round: the status changes,
//     the spec is kept;
//   - deleting a pod that a kubelet runs waits for its grace period (`RESTStorage+Delete.swift`).
// How pods print in `kubectl get` is `PodPrinter`; which fields a selector sees is
// `Pod.selectableFields`.

import API
import APIMachinery
import ClusterKinds

/// Kubernetes' pod strategy: preparing and validating pods on create and update.
public enum PodStrategy: RESTStrategy {
    public typealias Object = Pod

    /// Prepares a new pod: defaults, and a fresh `Pending` status.
    public static func prepareForCreate(_ pod: inout Pod) {
        pod.applyDefaults()
        var status = PodStatus()
        status.phase = .pending
        status.qosClass = pod.status.qosClass
        pod.status = status
    }

    /// Prepares an update of the pod itself: the status is the old one.
    public static func prepareForUpdate(_ pod: inout Pod, old: Pod) {
        pod.applyDefaults()
        pod.status = old.status
        pod.metadata.keepSystemFields(from: old.metadata)
    }

    /// Prepares an update of the pod's status: the spec is the old one.
    public static func prepareForStatusUpdate(_ pod: inout Pod, old: Pod) {
        pod.spec = old.spec
        pod.metadata.keepSystemFields(from: old.metadata)
        pod.metadata.labels = old.metadata.labels
    }

    /// What an update may not do: rename the pod, or change its spec beyond the
    /// fields Kubernetes lets change (`ValidatePodUpdate`).
    public static func validateUpdate(_ pod: Pod, old: Pod) -> [FieldError] {
        var errors: [FieldError] = []
        if pod.metadata.name != old.metadata.name {
            errors.append(FieldError(.invalid, "metadata.name", value: pod.metadata.name, "field is immutable"))
        }
        if pod.metadata.namespace != old.metadata.namespace {
            errors.append(FieldError(.invalid, "metadata.namespace", value: pod.metadata.namespace, "field is immutable"))
        }
        // Copy into the old spec what may change; if anything else differs, it was forbidden.
        var allowed = old.spec
        for index in allowed.containers.indices where index < pod.spec.containers.count {
            allowed.containers[index].image = pod.spec.containers[index].image
        }
        for index in allowed.initContainers.indices where index < pod.spec.initContainers.count {
            allowed.initContainers[index].image = pod.spec.initContainers[index].image
        }
        allowed.activeDeadlineSeconds = pod.spec.activeDeadlineSeconds
        // Tolerations may be added, never taken away (Kubernetes' validateOnlyAddedTolerations).
        if old.spec.tolerations.allSatisfy(pod.spec.tolerations.contains) { allowed.tolerations = pod.spec.tolerations }
        if allowed.nodeName.isEmpty { allowed.nodeName = pod.spec.nodeName }
        // Stage 4 > a pod's scheduling gates may be removed, never added: removing the last lets the scheduler queue it
        for (index, gate) in pod.spec.schedulingGates.enumerated() where !old.spec.schedulingGates.contains(gate) {
            errors.append(FieldError(.forbidden, "spec.schedulingGates[\(index)].name",
                                     "only deletion is allowed, but found new scheduling gate '\(gate.name)'"))
        }
        allowed.schedulingGates = pod.spec.schedulingGates
        // Stage 4 <
        if allowed != pod.spec {
            errors.append(FieldError(.forbidden, "spec", updateForbiddenMessage))
        }
        errors += PodValidation.validate(pod)
        return errors
    }

    public static func validate(_ pod: Pod) -> [FieldError] { PodValidation.validate(pod) }
    public static func selectableFields(_ pod: Pod) -> [String: String] { pod.selectableFields }
    public static var selectableFieldNames: Set<String> { FieldSelector.podFieldNames }
    public static var fieldAliases: [String: String] { FieldSelector.podFieldAliases }
    public static var columns: [TableColumnDefinition] { PodPrinter.columns }
    public static func cells(_ pod: Pod, now: Time) -> [String] { PodPrinter.cells(pod, now: now) }
    public static var patchSchema: PatchSchema { .pod }

    /// A pod on a node gets its grace period; a pod no kubelet runs, or one whose
    /// containers are all done for good (Succeeded, Failed), is removed at once.
    public static func gracePeriod(for pod: Pod, options: DeleteOptions) -> Int64? {
        guard !pod.spec.nodeName.isEmpty, pod.status.phase != .succeeded, pod.status.phase != .failed else { return nil }
        let grace = options.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30
        return grace > 0 ? grace : nil
    }

    /// Kubernetes' words for a forbidden pod update.
    public static let updateForbiddenMessage = "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"
}
