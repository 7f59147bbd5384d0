// Stage 4 · SchedulingRegistry: the resources stage 4's API server serves, a line a kind.
//
// Stage 2's, with three additions: pods get the `binding` subresource (the scheduler's
// one write, also served at its older path, `bindings`) and the Priority admission; PriorityClass (scheduling.k8s.io/v1,
// cluster-wide) and Lease (coordination.k8s.io/v1, namespaced) are new kinds, and their
// groups appear in discovery because they are registered here. Start-up adds the
// system priority classes (`bootstrap`), beside stage 2's built-in namespaces, among
// them `kube-node-lease` for the kubelets' leases.

import APIMachinery
import APIServer
import Common
import Storage

extension ResourceRegistration {
    /// Every resource stage 4 serves, and its subresources.
    public static let stage4Resources: [ResourceRegistration] = stage2Resources.map { registration in
        registration.resource == PodStrategy.Object.resource ? stage4Pods : registration
    } + [
        ResourceRegistration(PriorityClassStrategy.self, subresources: [:], admission: [GlobalDefaultAdmission()]),
        ResourceRegistration(LeaseStrategy.self, subresources: [:]),
        ResourceRegistration(createOnly: PodBindingSubresource.legacyResource) { request, info, store throws(Status) in
            try await PodBindingSubresource.serveLegacy(request, info: info, store: store)
        },
    ]

    /// Pods as stage 2 serves them, with `binding` and the Priority admission.
    static let stage4Pods = ResourceRegistration(PodStrategy.self, subresources: [
        "status": StatusSubresource(), "log": PodLogSubresource(), "eviction": PodEvictionSubresource(),
        "binding": PodBindingSubresource(),
        "exec": NotBuiltSubresource("exec"), "attach": NotBuiltSubresource("attach"), "portforward": NotBuiltSubresource("portforward"),
    ], admission: [PriorityAdmission()])

    /// What stage 4's API server makes at start-up, after the built-in namespaces: the system priority classes.
    public static let stage4Bootstrap: [@Sendable (any KeyValueStore, Logger) async -> Void] = [
        { store, logger in await SystemPriorityClasses.create(store: store, logger: logger) },
    ]
}
