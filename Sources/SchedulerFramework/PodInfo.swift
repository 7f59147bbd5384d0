// Stage 4 · SchedulerFramework: a pod with what the scheduler computes from it once (Kubernetes' framework.PodInfo).
//
// A pod on a node is looked at again for every pod scheduled after it: its requests
// are summed, its anti-affinity terms are checked against newcomers. PodInfo does that
// arithmetic and parsing once, when the pod enters the cache, and is a class so that a
// node's list of pods, and every snapshot of it, share one copy.

import API

/// A pod, its effective requests, host ports and parsed affinity terms.
public final class PodInfo: Sendable {
    public let pod: Pod
    /// What the pod takes from its node (see `Resource(requestsOf:)`).
    public let requests: Resource
    /// The same with the scoring defaults for containers without requests.
    public let nonZeroRequests: Resource
    public let hostPorts: [HostPort]
    public let requiredAffinityTerms: [AffinityTerm]
    public let requiredAntiAffinityTerms: [AffinityTerm]
    public let preferredAffinityTerms: [WeightedAffinityTerm]
    public let preferredAntiAffinityTerms: [WeightedAffinityTerm]

    public init(_ pod: Pod) {
        self.pod = pod
        requests = Resource(requestsOf: pod)
        nonZeroRequests = Resource(nonZeroRequestsOf: pod)
        hostPorts = HostPort.of(pod)
        let affinity = pod.spec.affinity
        requiredAffinityTerms = (affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [])
            .map { AffinityTerm($0, of: pod) }
        requiredAntiAffinityTerms = (affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [])
            .map { AffinityTerm($0, of: pod) }
        preferredAffinityTerms = (affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
            .map { WeightedAffinityTerm($0, of: pod) }
        preferredAntiAffinityTerms = (affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
            .map { WeightedAffinityTerm($0, of: pod) }
    }

    /// The cache's key for a pod: its UID, or namespace/name for a pod that has none yet.
    public var key: String { PodInfo.key(of: pod) }

    public static func key(of pod: Pod) -> String {
        pod.metadata.uid.isEmpty ? "\(pod.metadata.namespace)/\(pod.metadata.name)" : pod.metadata.uid
    }

    /// Whether the pod has any affinity or anti-affinity term (InterPodAffinity's score looks at it).
    public var hasAffinity: Bool {
        !requiredAffinityTerms.isEmpty || !requiredAntiAffinityTerms.isEmpty
            || !preferredAffinityTerms.isEmpty || !preferredAntiAffinityTerms.isEmpty
    }

    /// Whether the pod has a required anti-affinity term (InterPodAffinity's filter looks at it).
    public var hasRequiredAntiAffinity: Bool { !requiredAntiAffinityTerms.isEmpty }
}
