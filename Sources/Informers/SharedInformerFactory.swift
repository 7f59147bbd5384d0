// Stage 3 · Informers: one informer per resource and query, for every component of a process.
//
// An informer is only shared if everyone asks the same place for it. The factory is that
// place: each component asks it for "pods on node1" or "all nodes", and gets the one
// informer already made for that question, or a new one. So the kubelet's pod worker and
// its status manager (and, in later stages, a dozen controllers of one process) share one
// list, one watch and one cache instead of each keeping its own.
//
//     let factory = SharedInformerFactory(client: client)
//     let pods = await factory.informer(Pod.self, fieldSelector: "spec.nodeName=node1")
//     await pods.addEventHandler(handler)
//     group.addTask { try await factory.run() }       // runs every informer it hands out
//     guard await factory.waitForCacheSync() else { return }
//
// `run` runs each informer the factory has made, including those asked for after it
// started (client-go's `Start`, which can be called again, does the same job).

import APIMachinery
import Client
import Common

/// Makes and runs the shared informers of one process (client-go's `SharedInformerFactory`).
public actor SharedInformerFactory {
    public nonisolated let client: APIClient
    /// The resync period every informer made here gets; nil for none.
    public nonisolated let resyncPeriod: Duration?
    /// Handed to every informer's reflector.
    public nonisolated let logger: Logger

    // Each informer made, by its question: kind, namespace and selectors. Values are
    // `SharedInformer<Object>` for the kind in the key; `informer(_:)` casts back.
    private var informers: [String: any Sendable] = [:]
    // How to wait for each informer's first list, in the order they were made.
    private var syncWaits: [@Sendable () async -> Bool] = []
    // Informers made but not yet run; `run` takes them as they come.
    private let unstarted = AsyncStream<@Sendable () async throws -> Void>.makeStream()

    public init(client: APIClient, resyncPeriod: Duration? = nil, logger: Logger = .silent) {
        self.client = client
        self.resyncPeriod = resyncPeriod
        self.logger = logger
    }

    /// The informer of `type` for this namespace ("" for all) and these selectors: the
    /// same one for every caller that asks the same. `indexers` count only for the
    /// first caller, who makes it.
    public func informer<Object: APIObject>(
        _ type: Object.Type, namespace: String = "", labelSelector: String? = nil, fieldSelector: String? = nil,
        indexers: [String: Indexer<Object>.IndexFunction] = [:]
    ) -> SharedInformer<Object> {
        let resource = Object.resource
        let key = "\(resource.groupVersion)/\(resource.kind) namespace=\(namespace)"
            + " labels=\(labelSelector ?? "") fields=\(fieldSelector ?? "")"
        if let made = informers[key] as? SharedInformer<Object> { return made }
        let informer = SharedInformer(
            listWatch: APIListWatch<Object>(
                client: client, namespace: namespace, labelSelector: labelSelector, fieldSelector: fieldSelector),
            indexers: indexers, resyncPeriod: resyncPeriod, logger: logger)
        informers[key] = informer
        syncWaits.append { await informer.waitForCacheSync() }
        unstarted.continuation.yield { try await informer.run() }
        return informer
    }

    /// Runs every informer made here, now or later, until the task is cancelled.
    public func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            // Ends when this task is cancelled; the group then cancels every informer.
            for await run in unstarted.stream { group.addTask { try await run() } }
            group.cancelAll()
        }
    }

    /// Waits until every informer made so far has its first list: true then, false if
    /// the task was cancelled first.
    public func waitForCacheSync() async -> Bool {
        for wait in syncWaits where !(await wait()) { return false }
        return true
    }
}
