// Stage 2 · KubeletAPI: the pods the API server has bound to this node.
//
// The kubelet's second source, beside the manifest folder. Every `pollInterval` it lists
//
//     GET /api/v1/pods?fieldSelector=spec.nodeName=<node>
//
// and delivers that set, so a pod created with `nodeName: node1` starts on node1's
// kubelet within a poll. Stage 3 replaces this polling with list + watch: one list,
// then a stream of changes, and no delay.
//
// Two kinds of listed pod are left out of the desired set:
//   - mirror pods (annotation `kubernetes.io/config.mirror`): they are this kubelet's own
//     reflections of its static pods, already run by the file source;
//   - terminating pods (`metadata.deletionTimestamp` set): leaving them out makes the
//     kubelet stop their containers; `PodDeleter` then finishes the deletion.
// A failed list is logged and the last set kept: an API server that restarts must not
// make the kubelet stop every pod.

import API
import Client
import Common
import Kubelet

/// The `api` pod source: the pods bound to this node in the API server. Made by the
/// stage's `main` (through `KubeletAPIConnection`), run by the kubelet.
public struct APIServerSource: PodSource {
    public let name = "api"
    /// The client it lists with.
    public let client: APIClient
    /// The node whose pods it lists.
    public let nodeName: String
    /// How long between two lists.
    public let pollInterval: Duration
    private let logger: Logger

    /// Makes a source listing `nodeName`'s pods every `pollInterval`.
    public init(
        client: APIClient, nodeName: String,
        pollInterval: Duration = KubeletConfiguration.Defaults.apiPollInterval, logger: Logger
    ) {
        self.client = client
        self.nodeName = nodeName
        self.pollInterval = pollInterval
        self.logger = logger
    }

    public func run(deliver: @escaping @Sendable (PodSourceUpdate) async -> Void) async throws {
        var lastDelivered: [Pod]?
        var isFailing = false
        while !Task.isCancelled {
            do {
                let pods = try await desiredPods()
                if isFailing { logger.info("listing pods again", ["node": nodeName]) }
                isFailing = false
                // Deliver only news: the main loop has nothing to do otherwise.
                if pods != lastDelivered {
                    lastDelivered = pods
                    await deliver(PodSourceUpdate(source: name, pods: pods))
                }
            } catch {
                // Logged once per outage, not once per poll.
                if !isFailing { logger.warning("cannot list pods", ["node": nodeName, "error": error]) }
                isFailing = true
            }
            try await Task.sleep(for: pollInterval)
        }
    }

    /// One list, reduced to the pods this kubelet should run, annotated with their source.
    func desiredPods() async throws(APIError) -> [Pod] {
        let list = try await client.list(Pod.self, fieldSelector: "spec.nodeName=\(nodeName)")
        return list.items.compactMap { pod -> Pod? in
            guard pod.metadata.annotations[ConfigAnnotation.mirror] == nil,
                  pod.metadata.deletionTimestamp == nil else { return nil }
            var pod = pod
            pod.metadata.annotations[ConfigAnnotation.source] = name
            return pod
        }
    }
}
