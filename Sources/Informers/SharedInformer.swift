// Stage 3 · Informers: one cache of one resource, kept by one reflector, shared by many handlers.
//
// Why shared? In one process several components care about the same objects (in
// kube-controller-manager dozens of controllers watch pods). If each listed and watched
// for itself, the API server would carry a watch per component and each process a copy
// of the same objects per component. A shared informer keeps one reflector and one
// cache per resource, and tells every interested handler.
//
//     let informer = SharedInformer(listWatch: APIListWatch<Pod>(client: client, fieldSelector: "spec.nodeName=node1"))
//     await informer.addEventHandler(ResourceEventHandler(onAdd: { pod in queue.add(key(pod)) }))
//     group.addTask { try await informer.run() }
//     guard await informer.waitForCacheSync() else { return }   // the first list is in
//     let pods = informer.indexer.list()                         // read locally from now on
//
// For every delta from the reflector the informer first updates its `Indexer`, then
// queues the matching call for each handler, in that order: a handler that looks at the
// cache sees at least the state it is being told of. Each handler has its own unbounded
// queue (client-go's too), drained by its own task, so handlers never block the informer
// or each other, and each sees every change in order. A handler added while the informer
// runs is first told of everything already cached, as adds, so late and early handlers
// end with the same picture.
//
// `hasSynced` turns true once the first list is in the cache: before that, "no pods"
// means "not known yet", not "none". Resync, when asked for, re-tells every handler
// of every cached object as an update every period: a safety net for handlers that
// might have dropped work, not a way of learning changes (the watch does that).

import APIMachinery
import Common
import Synchronization

/// The informer of one resource (client-go's `SharedIndexInformer`).
public actor SharedInformer<Object: APIObject> {
    /// The cache; read it from anywhere without `await`. Only the informer writes it.
    public nonisolated let indexer: Indexer<Object>
    /// How often every cached object is re-delivered as an update; nil for never.
    public nonisolated let resyncPeriod: Duration?

    private let listWatch: any ListWatch<Object>
    private let backoff: Backoff
    private let wait: @Sendable (Duration) async throws -> Void
    private let makeReflector: @Sendable (@escaping @Sendable (Delta<Object>) async -> Void) -> Reflector<Object>

    private struct Listener: Sendable {
        let handler: ResourceEventHandler<Object>
        let queue: AsyncStream<Notification<Object>>
        let continuation: AsyncStream<Notification<Object>>.Continuation
    }

    // Every handler's queue, in the order added; the notifications of one delta go to all.
    private var listeners: [Listener] = []
    // Listeners whose queue still needs a task to drain it; `run` takes them as they come.
    private let newListeners = AsyncStream<Listener>.makeStream()
    private let synced = Atomic<Bool>(false)
    // Callers of `waitForCacheSync` waiting for the first list; each ends when it comes.
    private var syncWaiters: [AsyncStream<Void>.Continuation] = []
    private var isRunning = false

    /// An informer over `listWatch`, waiting on `clock` (between failures, between resyncs).
    public init<C: Clock>(
        listWatch: any ListWatch<Object>, indexers: [String: Indexer<Object>.IndexFunction] = [:],
        resyncPeriod: Duration? = nil, backoff: Backoff = .reflector, clock: C, logger: Logger = .silent
    ) where C.Duration == Duration {
        indexer = Indexer(indexers: indexers)
        self.resyncPeriod = resyncPeriod
        self.listWatch = listWatch
        self.backoff = backoff
        wait = { try await clock.sleep(for: $0) }
        makeReflector = { apply in
            Reflector(listWatch: listWatch, backoff: backoff, clock: clock, logger: logger, apply: apply)
        }
    }

    /// An informer on the real, continuous clock.
    public init(
        listWatch: any ListWatch<Object>, indexers: [String: Indexer<Object>.IndexFunction] = [:],
        resyncPeriod: Duration? = nil, backoff: Backoff = .reflector, logger: Logger = .silent
    ) {
        self.init(
            listWatch: listWatch, indexers: indexers, resyncPeriod: resyncPeriod, backoff: backoff,
            clock: ContinuousClock(), logger: logger)
    }

    /// Whether the first list has reached the cache.
    public nonisolated var hasSynced: Bool { synced.load(ordering: .acquiring) }

    /// Registers `handler`; it is first told of every object cached now, as adds.
    public func addEventHandler(_ handler: ResourceEventHandler<Object>) {
        let (queue, continuation) = AsyncStream<Notification<Object>>.makeStream(bufferingPolicy: .unbounded)
        for object in indexer.list() { continuation.yield(.add(object)) }
        let listener = Listener(handler: handler, queue: queue, continuation: continuation)
        listeners.append(listener)
        newListeners.continuation.yield(listener)
    }

    /// Waits until the first list is in the cache: true then, false if the task was
    /// cancelled first (client-go's `WaitForCacheSync`).
    public func waitForCacheSync() async -> Bool {
        if hasSynced { return true }
        let (signal, continuation) = AsyncStream<Void>.makeStream()
        syncWaiters.append(continuation)
        for await _ in signal {}
        // Re-checked after the wait: the stream also ends when the caller is cancelled.
        return hasSynced
    }

    /// Runs the reflector, the handlers' queues and the resync until the task is cancelled.
    /// An informer runs once.
    public func run() async throws {
        precondition(!isRunning, "a SharedInformer runs once")
        isRunning = true
        let reflector = makeReflector { [self] delta in await self.handle(delta) }
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await reflector.run() }
            if let resyncPeriod {
                group.addTask { [self, wait] in
                    // Until cancelled: a wait that throws is the shutdown, not a failure.
                    while (try? await wait(resyncPeriod)) != nil { await self.resync() }
                }
            }
            // Ends when this task is cancelled; the group then cancels everything it runs.
            for await listener in newListeners.stream {
                group.addTask {
                    for await notification in listener.queue { await notification.deliver(to: listener.handler) }
                }
            }
            group.cancelAll()
        }
        for listener in listeners { listener.continuation.finish() }
    }

    // MARK: Applying what the reflector learned

    private func handle(_ delta: Delta<Object>) {
        switch delta {
        case .replaced(let objects, _):
            var before = Dictionary(uniqueKeysWithValues: indexer.list().map { (Indexer<Object>.key(of: $0), $0) })
            indexer.replace(with: objects)
            for object in objects {
                let old = before.removeValue(forKey: Indexer<Object>.key(of: object))
                notify(old.map { .update(old: $0, new: object) } ?? .add(object))
            }
            // Cached, but not in the fresh list: deleted while the watch was down.
            for gone in before.values { notify(.delete(gone)) }
            markSynced()
        case .added(let object), .modified(let object):
            let old = indexer.get(key: Indexer<Object>.key(of: object))
            indexer.upsert(object)
            notify(old.map { .update(old: $0, new: object) } ?? .add(object))
        case .deleted(let object):
            indexer.delete(object)
            notify(.delete(object))
        }
    }

    private func resync() {
        for object in indexer.list() { notify(.update(old: object, new: object)) }
    }

    private func notify(_ notification: Notification<Object>) {
        for listener in listeners { listener.continuation.yield(notification) }
    }

    private func markSynced() {
        guard !hasSynced else { return }
        synced.store(true, ordering: .releasing)
        for waiter in syncWaiters { waiter.finish() }
        syncWaiters = []
    }
}
