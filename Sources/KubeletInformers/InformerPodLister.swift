// Stage 3 · KubeletInformers: the node's pods from a shared informer, not from a poll.
//
// Stage 2's kubelet asked the API server for its node's pods every 2 seconds
// (`PollingPodLister`), so a new pod waited up to a poll before it started, and a
// deleted one up to a poll before its deletion was confirmed. This lister keeps the
// same `PodLister` contract over a `SharedInformer` with the field selector
// `spec.nodeName=<node>`: one list, then one watch, so every change to one of the
// node's pods reaches the kubelet as it happens:
//
//     let pods = InformerPodLister(client: client, nodeName: "node1", logger: logger)
//     let connection = KubeletAPIConnection(client: client, nodeName: "node1", pods: pods, logger: logger)
//     …
//     group.addTask { try await connection.run(for: kubelet) }    // runs `pods.run()`
//     group.addTask { await pods.republishOnWorkerRemoval(of: kubelet) }
//
// Each subscriber is handed the whole cached list after every change (level-based, as
// the pod source, the mirror pod manager and the pod deleter expect), the newest only
// if it falls behind. Two things are not pod events, and still need a look at the list:
//
//   - a pod worker that has finished stopping a terminating pod: the pod deleter must
//     then confirm the deletion at once, so `republishOnWorkerRemoval` hands the list
//     out again the moment the kubelet removes a worker;
//   - the kubelet's own state that other sources change (a static pod whose mirror pod
//     is still to be made, the node being registered): Kubernetes' kubelet looks again
//     at such things every `housekeepingPeriod` (2 s, `kubelet.go`), and so does this.
//
// Until the first list is in, nothing is handed out: "no pods yet" must not read as
// "no pods", or the kubelet would stop the pods it runs. After an API server restart
// the informer's cache stands while its reflector lists again (on 410, or after a
// failure), so the kubelet keeps its pods through the outage, as with stage 2's lister.

import API
import APIMachinery
import Client
import Common
import Informers
import Kubelet
import KubeletAPI

/// Stage 3's `PodLister`: the node's pods from an informer, handed out on every change.
public actor InformerPodLister: PodLister {
    /// How often the list is handed out even when no pod changed (Kubernetes' kubelet
    /// `housekeepingPeriod`), for what a pod event does not announce.
    public static let defaultHousekeepingPeriod: Duration = .seconds(2)

    /// The informer of the node's pods; others in the process may share it.
    public nonisolated let informer: SharedInformer<Pod>
    public nonisolated let nodeName: String
    public nonisolated let housekeepingPeriod: Duration
    private let subscribers = PodListSubscribers()

    /// A lister over `informer`, which must list and watch only `nodeName`'s pods.
    public init(informer: SharedInformer<Pod>, nodeName: String, housekeepingPeriod: Duration = defaultHousekeepingPeriod) {
        self.informer = informer
        self.nodeName = nodeName
        self.housekeepingPeriod = housekeepingPeriod
    }

    /// A lister with its own informer of the pods bound to `nodeName`.
    public init(
        client: APIClient, nodeName: String, housekeepingPeriod: Duration = defaultHousekeepingPeriod, logger: Logger
    ) {
        let listWatch = APIListWatch<Pod>(client: client, fieldSelector: Self.fieldSelector(nodeName: nodeName))
        self.init(informer: SharedInformer(listWatch: listWatch, logger: logger), nodeName: nodeName,
                  housekeepingPeriod: housekeepingPeriod)
    }

    /// The field selector of the pods bound to `nodeName`, as Kubernetes' kubelet asks for them.
    public static func fieldSelector(nodeName: String) -> String { "spec.nodeName=\(nodeName)" }

    public func updates() -> AsyncStream<[Pod]> {
        subscribers.subscribe(startingWith: informer.hasSynced ? cachedPods() : nil)
    }

    /// Runs the informer, handing out the list on each change and each housekeeping
    /// tick, until cancelled.
    public func run() async throws {
        let publishing = ResourceEventHandler<Pod>(
            onAdd: { _ in await self.publish() },
            onUpdate: { _, _ in await self.publish() },
            onDelete: { _ in await self.publish() })
        await informer.addEventHandler(publishing)
        let (informer, period) = (informer, housekeepingPeriod)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await informer.run() }
            // The first list may be empty, and an empty list notifies no handler.
            group.addTask { if await informer.waitForCacheSync() { await self.publish() } }
            group.addTask {
                while (try? await Task.sleep(for: period)) != nil { await self.publish() }
            }
        }
    }

    /// Hands the list out again each time `kubelet` removes a pod worker, until cancelled:
    /// the pod deleter then confirms a finished pod's deletion without waiting.
    public func republishOnWorkerRemoval(of kubelet: Kubelet) async {
        for await _ in await kubelet.workerRemovals() { publish() }
    }

    /// Hands every subscriber the cached list, once the first list is in.
    private func publish() {
        guard informer.hasSynced else { return }
        subscribers.send(cachedPods())
    }

    /// The cached pods in a stable order, so that an unchanged set compares equal.
    private func cachedPods() -> [Pod] {
        informer.indexer.list().sorted {
            ($0.metadata.namespace, $0.metadata.name) < ($1.metadata.namespace, $1.metadata.name)
        }
    }
}
