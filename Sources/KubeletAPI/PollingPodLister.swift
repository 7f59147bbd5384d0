// Stage 2 · KubeletAPI: the node's pods, listed again every poll.
//
// Every `interval` (the kubelet's `--api-poll-frequency`, 2 s unless told) this lists
//
//     GET /api/v1/pods?fieldSelector=spec.nodeName=<node>
//
// and hands the list to every subscriber, changed or not: the pod deleter and the mirror
// pod manager compare it with the kubelet's own state, which changes between lists. A
// failed list is logged once per outage and delivers nothing, so the last list stands:
// an API server that restarts must not make the kubelet stop every pod. Stage 3
// replaces the polling with list + watch, and the kubelet then hears of a pod at once.

import API
import Client
import Common
import Kubelet

/// Stage 2's `PodLister`: one list every `interval`, shared by its subscribers.
public actor PollingPodLister: PodLister {
    public nonisolated let client: APIClient
    public nonisolated let nodeName: String
    public nonisolated let interval: Duration
    private let logger: Logger
    /// The last list that succeeded; nil until the first.
    private var pods: [Pod]?
    private let subscribers = PodListSubscribers()

    /// Makes a lister of `nodeName`'s pods, every `interval`.
    public init(
        client: APIClient, nodeName: String, interval: Duration = KubeletConfiguration.Defaults.apiPollInterval, logger: Logger
    ) {
        self.client = client
        self.nodeName = nodeName
        self.interval = interval
        self.logger = logger
    }

    public func updates() -> AsyncStream<[Pod]> {
        subscribers.subscribe(startingWith: pods)
    }

    public func run() async throws {
        var isFailing = false
        while true {
            do {
                let listed = try await client.list(Pod.self, fieldSelector: "spec.nodeName=\(nodeName)").items
                if isFailing { logger.info("listing pods again", ["node": nodeName]) }
                isFailing = false
                pods = listed
                subscribers.send(listed)
            } catch {
                // Logged once per outage, not once per poll.
                if !isFailing { logger.warning("cannot list pods", ["node": nodeName, "error": error]) }
                isFailing = true
            }
            try await Task.sleep(for: interval)
        }
    }
}
