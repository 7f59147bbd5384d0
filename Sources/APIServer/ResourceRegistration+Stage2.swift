// Stage 2 · APIServer: the resources stage 2's API server serves, a line a kind.
//
// Each line registers a kind with the strategy that validates and stores it and the
// subresources it has (a pod's `status`, `log`, `eviction`), or a review that is only ever
// created. Stage 2's composition root serves these; stage 3's serves the same, since a
// store that remembers changes no kind; later stages add Deployments, Services and more.

extension ResourceRegistration {
    /// Every resource stage 2 serves, and its subresources.
    public static let stage2Resources: [ResourceRegistration] = [
        ResourceRegistration(PodStrategy.self, subresources: [
            "status": StatusSubresource(), "log": PodLogSubresource(), "eviction": PodEvictionSubresource(),
            "exec": NotBuiltSubresource("exec"), "attach": NotBuiltSubresource("attach"), "portforward": NotBuiltSubresource("portforward"),
        ]),
        ResourceRegistration(NodeStrategy.self),
        ResourceRegistration(NamespaceStrategy.self, subresources: ["status": StatusSubresource(), "finalize": NamespaceFinalizeSubresource()]),
        ResourceRegistration(EventStrategy.self, subresources: [:]),
        ResourceRegistration(ConfigMapStrategy.self, subresources: [:]),
        ResourceRegistration(SecretStrategy.self, subresources: [:]),
        ResourceRegistration(ServiceAccountStrategy.self, subresources: [:]),
        ResourceRegistration(review: SelfSubjectReviewer.self),
        ResourceRegistration(review: SelfSubjectReviewer.self, version: "v1beta1"),
        ResourceRegistration(review: SelfSubjectAccessReviewer.self),
    ]
}
