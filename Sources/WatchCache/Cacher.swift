// Stage 3 · WatchCache: the API server's watches and lists, through one watch cache per resource.
//
// Kubernetes' name for this layer is the cacher (apiserver `pkg/storage/cacher`): it sits
// between the API server's handlers and etcd, keeps one `ResourceWatchCache` per resource,
// made the first time that resource is watched, and serves every watch of the resource
// from it. A watch is served from, in order of preference:
//
//   the cache's window      the version is recent: replayed from memory, then live
//   the store's history     the version is older than the window but not compacted:
//                           served by `StoreWatchSource`, one store watch for this client
//   neither                 one ERROR event, 410 Expired "too old resource version: N (M)"
//
// A version the store has not reached yet is not refused: the watch starts and its events
// are those after it, as in Kubernetes, whose 504 "Too large resource version" is for
// lists (and for streaming lists, `sendInitialEvents`, which this server does not offer).
//
// Lists go through here too (`listValues`, stage 2's extension point), read at the
// version they name from the store's past (`ListReader`): the cache keeps events, not the
// objects, so unlike Kubernetes' it serves no list from memory.
//
// The caches run inside `run()`, which the composition root runs beside the API server
// and cancels to stop them. Until it runs, every watch is served from the store's history.

import API
import APIMachinery
import APIServer
import Storage
import StoreWatch
import Synchronization

/// Stage 3's `WatchSource`: one store watch per resource, fanned out to every client.
public final class Cacher: WatchSource {
    public let store: any WatchableKeyValueStore
    public let limits: WatchCacheLimits
    /// Serves the watches the caches cannot: from before a window, or before `run()`.
    let direct: StoreWatchSource

    private struct State {
        /// Each resource's cache, by its key prefix; the value is a `ResourceWatchCache<S>`.
        var caches: [String: any Sendable] = [:]
        /// Starts a cache's loop inside `run()`; nil while `run()` is not running.
        var starter: AsyncStream<@Sendable () async -> Void>.Continuation?
    }
    private let state = Mutex(State())

    /// A cacher over `store`, the store the API server writes to.
    public init(store: any WatchableKeyValueStore, limits: WatchCacheLimits = .standard) {
        self.store = store
        self.limits = limits
        direct = StoreWatchSource(
            store: store, bookmarkInterval: limits.bookmarkInterval, tickInterval: limits.tickInterval,
            bufferEvents: limits.clientBufferEvents)
    }

    /// Runs every resource's cache, each started when first watched, until cancelled.
    public func run() async {
        let (starts, starter) = AsyncStream<@Sendable () async -> Void>.makeStream()
        state.withLock { $0.starter = starter }
        await withDiscardingTaskGroup { group in
            for await start in starts { group.addTask { await start() } }
            group.cancelAll()
        }
        state.withLock { $0 = State() }
    }

    /// How many clients the cache of `resource` serves, for tests; nil when it has none.
    public func clientCount(of resource: Resource) -> Int? {
        let cache = state.withLock { $0.caches[resource.storagePrefix] }
        return (cache as? any CacheCounting)?.clientCount
    }

    // MARK: WatchSource

    public func refusal(of request: WatchRequest) -> Status? {
        ResourceVersionRules.watchRefusal(request)
    }

    public func listValues(under prefix: String, _ read: ListRead) async throws(Status) -> (items: [StoredValue], revision: Int64)? {
        try await ListReader(store: store, limits: limits).values(under: prefix, read)
    }

    /// Sends what `request` asks for into `sink`, from the resource's cache when it can.
    public func watch<Strategy: RESTStrategy>(
        _ storage: RESTStorage<Strategy>, _ request: WatchRequest, into sink: WatchSink<Strategy>
    ) async throws {
        guard let cache = await cache(of: storage) else { return try await direct.watch(storage, request, into: sink) }
        let filter = WatchFilter(storage: storage, labels: request.labels, fields: request.fields)
        let prefix = Strategy.Object.resource.storagePrefix(namespace: request.namespace)
        let start: Int64
        if request.sendsCurrentState {
            guard let listed = try await direct.sendCurrentState(prefix: prefix, filter: filter, into: sink) else { return }
            start = listed
        } else if let version = Int64(request.resourceVersion), version > 0 {
            start = version
        } else {
            return try await sink.send(.error(.badRequest("invalid resource version: \(request.resourceVersion)")))
        }
        guard let items = cache.watch(prefix: prefix, after: start) else {
            // Older than the window: the store's longer history may still hold it.
            var fromStore = request
            fromStore.resourceVersion = String(start)
            return try await direct.watch(storage, fromStore, into: sink)
        }
        try await CacheClient(limits: limits, filter: filter, request: request, reached: start).serve(items, into: sink)
    }

    /// The cache of `storage`'s resource, made and started on first use; nil unless `run()` runs.
    private func cache<Strategy: RESTStrategy>(of storage: RESTStorage<Strategy>) async -> ResourceWatchCache<Strategy>? {
        let prefix = Strategy.Object.resource.storagePrefix
        let existing = state.withLock { state -> (cache: (any Sendable)?, running: Bool) in
            (state.caches[prefix], state.starter != nil)
        }
        if let cache = existing.cache { return cache as? ResourceWatchCache<Strategy> }
        guard existing.running else { return nil }
        // The cache starts at the store's revision now, and its store watch from there: no gap.
        let made = ResourceWatchCache(storage: storage, store: store, startingAfter: await store.currentRevision, limits: limits)
        // Re-checked after the await: another watch may have made the cache, or run() ended.
        let chosen = state.withLock { state -> (any Sendable)? in
            if let other = state.caches[prefix] { return other }
            guard let starter = state.starter else { return nil }
            state.caches[prefix] = made
            starter.yield { await made.run() }
            return made
        }
        return chosen as? ResourceWatchCache<Strategy>
    }
}

/// What `Cacher.clientCount(of:)` reads of a cache of any resource.
protocol CacheCounting: Sendable {
    var clientCount: Int { get }
}

extension ResourceWatchCache: CacheCounting {}
