// Stage 4 · SchedulingRegistry: at most one priority class is the default (the Priority plug-in's check on classes).
//
// Pods that name no class get the `globalDefault` class's value, so two defaults would
// make a pod's priority depend on which one was read. Kubernetes' Priority admission
// refuses a second one when it is created:
//
//   priorityclasses.scheduling.k8s.io "b" is forbidden: PriorityClass a is already marked as default. Only one default can exist
//
// Should two be made at once anyway (two API servers racing), pods get the lower value
// (`PriorityAdmission.globalDefault`), as in Kubernetes. Kubernetes checks an update that
// sets `globalDefault` too; here only creates pass through admission, so an update that
// makes a second default is not refused (the lower value still wins).

import API
import APIMachinery
import APIServer
import SchedulingKinds
import Storage

/// Refuses a second `globalDefault` priority class (the Priority plug-in's check on priority classes).
public struct GlobalDefaultAdmission: CreateAdmission {
    public typealias Strategy = PriorityClassStrategy

    public init() {}

    public func admit(_ priorityClass: inout PriorityClass, namespace: String, store: any KeyValueStore) async throws(Status) {
        guard priorityClass.globalDefault,
              let existing = try await PriorityAdmission.globalDefault(in: RESTStorage<PriorityClassStrategy>(store: store))
        else { return }
        throw Status.forbidden(GroupResource(group: PriorityClass.resource.group, resource: PriorityClass.resource.plural),
                               name: priorityClass.metadata.name,
                               "PriorityClass \(existing.metadata.name) is already marked as default. Only one default can exist")
    }
}
