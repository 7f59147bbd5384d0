// Stage 4 · SchedulingRegistry: at most one priority class is the default (the Priority plug-in's check on classes).
//
// Pods that name no class get the `globalDefault` class's value, so two defaults would
// make a pod's priority depend on which one was read. Kubernetes' Priority admission
// refuses a second one when it is created:
//
//   priorityclasses.scheduling.k8s.io "b" is forbidden: PriorityClass a is already marked as default. Only one default can exist
//
// and an update that makes another class the default while one is, with the same words.
// Should two be made at once anyway (two writers racing), pods get the lower value
// (`PriorityAdmission.globalDefault`), as in Kubernetes.

import API
import APIMachinery
import APIServer
import SchedulingKinds
import Storage

/// Refuses a second `globalDefault` priority class (the Priority plug-in's check on priority classes).
public struct GlobalDefaultAdmission: AdmissionPlugin {
    public typealias Strategy = PriorityClassStrategy

    public init() {}

    public func admitCreate(_ priorityClass: inout PriorityClass, namespace: String, store: any KeyValueStore) async throws(Status) {
        try await refuseSecondDefault(priorityClass, store: store)
    }

    public func admitUpdate(_ priorityClass: inout PriorityClass, old: PriorityClass, store: any KeyValueStore) async throws(Status) {
        try await refuseSecondDefault(priorityClass, store: store)
    }

    /// Throws if `priorityClass` would be a default while another class is.
    private func refuseSecondDefault(_ priorityClass: PriorityClass, store: any KeyValueStore) async throws(Status) {
        guard priorityClass.globalDefault,
              let existing = try await PriorityAdmission.globalDefault(in: RESTStorage<PriorityClassStrategy>(store: store)),
              existing.metadata.name != priorityClass.metadata.name
        else { return }
        throw Status.forbidden(GroupResource(group: PriorityClass.resource.group, resource: PriorityClass.resource.plural),
                               name: priorityClass.metadata.name,
                               "PriorityClass \(existing.metadata.name) is already marked as default. Only one default can exist")
    }
}
