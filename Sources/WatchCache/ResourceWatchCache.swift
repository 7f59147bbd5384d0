// Stage 3 · WatchCache: one resource's watch on the store, fanned out to every client.
//
// Without a cache, a hundred kubelets watching their pods are a hundred watches on the
// store, each decoding every pod write. Kubernetes' API server keeps instead one watch of
// etcd per resource (its *watch cache*, `pkg/storage/cacher`) and fans each event out to
// every client's watch. This is that for one resource:
//
//   store ──watchWithProgress(prefix)──▶ run(): decode once, keep in the window,
//                                        hand to each client of the event's namespace
//                                                 │            │            │
//                                            client 1     client 2     client 3
//                                       (own selectors, own bounded queue, own task)
//
// Each client filters for itself (`WatchFilter`), so selectors cost the client, not the
// cache. Nothing waits for a client: handing an event over only queues it, and a client
// whose queue is full is cut off, its stream ended, while the others go on; the client
// re-watches from the last version it saw, as Kubernetes' clients do.
//
// The window (`CacheWindow`) keeps the last events, so a watch from a recent version is
// replayed from memory; `watch` answers nil for a version before the window, and the
// caller serves that one from the store's longer history instead. The store's progress
// (`StoreWatchItem.progress`, asked for every `progressInterval`) moves the cache's
// version on while nobody writes this resource, and every client hears of it: that is
// what its bookmarks carry. If the store's watch ends (the cache fell behind the store,
// or the history was compacted under it) the cache starts again from the store's current
// revision, and ends every client's watch, since their events in between would be lost.

import API
import APIMachinery
import APIServer
import Storage
import StoreWatch
import Synchronization

/// The watch cache of one resource: its window of events and its clients.
final class ResourceWatchCache<Strategy: RESTStrategy>: Sendable {
    typealias Object = Strategy.Object

    /// One write of this resource, decoded once for every client.
    struct Event: Sendable {
        let revision: Int64
        let key: String
        let object: Object?
        let previous: Object?
        /// Whether the key existed before the write (false for a create).
        let hadPrevious: Bool
        /// Why a stored value could not be read; the client ends its watch with it.
        let failure: Status?
        /// `object` as the JSON a client is sent, and `previous` at this revision (what a
        /// DELETED carries): spliced once from the stored bytes, for every client that
        /// wants JSON, as Kubernetes' watch cache serializes each event once. Nil when the
        /// splice could not be done; the client then encodes the object itself.
        var objectJSON: [UInt8]? = nil
        var deletedJSON: [UInt8]? = nil
    }

    /// What a client receives: an event, or the version the cache has reached.
    enum Item: Sendable {
        case event(Event)
        case progress(Int64)
    }

    private struct Client {
        /// The key prefix of the client's namespace, or of the resource for every namespace.
        let prefix: String
        /// Only what comes after this revision is the client's: it may name one not reached yet.
        let after: Int64
        let continuation: AsyncThrowingStream<Item, any Error>.Continuation
    }

    /// Everything mutable, behind one lock, so that an event reaches a registering client
    /// exactly once: replayed from the window, or handed over live.
    private struct State {
        var window: CacheWindow<Event>
        var clients: [Int: Client] = [:]
        var nextID = 0
    }

    let storage: RESTStorage<Strategy>
    let store: any WatchableKeyValueStore
    let prefix: String
    let limits: WatchCacheLimits
    private let state: Mutex<State>

    /// A cache of `storage`'s resource that starts (empty) at `revision`; `run` fills it.
    init(storage: RESTStorage<Strategy>, store: any WatchableKeyValueStore, startingAfter revision: Int64, limits: WatchCacheLimits) {
        self.storage = storage
        self.store = store
        self.prefix = Strategy.Object.resource.storagePrefix(namespace: nil)
        self.limits = limits
        state = Mutex(State(window: CacheWindow(startingAfter: revision, capacity: limits.windowEvents)))
    }

    /// The version the cache has reached.
    var revision: Int64 { state.withLock { $0.window.revision } }

    /// How many clients are watching.
    var clientCount: Int { state.withLock { $0.clients.count } }

    /// Follows the store until cancelled, starting again whenever the store's watch ends.
    func run() async {
        var after = revision
        while !Task.isCancelled {
            do {
                try await follow(after: after)
            } catch {
                // Cancelled, or the store's watch failed: either way, start again below.
            }
            if Task.isCancelled { break }
            // Not a busy loop when the store keeps failing: a pause, then a fresh start.
            try? await Task.sleep(for: limits.tickInterval)
            after = await restart()
        }
        endClients()
    }

    /// A stream of every event under `clientPrefix` after `revision`, then the cache's
    /// progress; nil when events after `revision` are no longer in the window.
    func watch(prefix clientPrefix: String, after revision: Int64) -> AsyncThrowingStream<Item, any Error>? {
        state.withLock { state -> AsyncThrowingStream<Item, any Error>? in
            guard let replay = state.window.elements(after: revision) else { return nil }
            let (stream, continuation) = AsyncThrowingStream<Item, any Error>.makeStream(
                bufferingPolicy: .bufferingOldest(replay.count + limits.clientBufferEvents + 1))
            for event in replay where event.key.hasPrefix(clientPrefix) { continuation.yield(.event(event)) }
            if state.window.revision > revision { continuation.yield(.progress(state.window.revision)) }
            let id = state.nextID
            state.nextID += 1
            state.clients[id] = Client(prefix: clientPrefix, after: revision, continuation: continuation)
            continuation.onTermination = { [weak self] _ in self?.remove(id) }
            return stream
        }
    }

    // MARK: Following the store

    /// Reads the store's watch into the window, asking for progress every `progressInterval`.
    private func follow(after revision: Int64) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [store, limits] in
                while true {
                    try await Task.sleep(for: limits.progressInterval)
                    await store.requestProgress()
                }
            }
            defer { group.cancelAll() }
            for try await item in store.watchWithProgress(prefix: prefix, after: revision) {
                switch item {
                case .event(let change): record(decode(change))
                case .progress(let reached): advance(to: reached)
                }
            }
        }
    }

    /// The write decoded once; a value that cannot be read becomes the event's failure.
    func decode(_ change: StoreEvent) -> Event {
        do throws(Status) {
            let object = try change.value.map { (value) throws(Status) in try storage.object(from: value) }
            let previous = try change.previous.map { (value) throws(Status) in try storage.object(from: value) }
            return Event(revision: change.revision, key: change.key, object: object, previous: previous,
                         hadPrevious: change.previous != nil, failure: nil,
                         objectJSON: change.value.flatMap { StoredObjectJSON.withResourceVersion([UInt8]($0.value), String($0.modRevision)) },
                         deletedJSON: change.previous.flatMap { StoredObjectJSON.withResourceVersion([UInt8]($0.value), String(change.revision)) })
        } catch {
            return Event(revision: change.revision, key: change.key, object: nil, previous: nil,
                         hadPrevious: change.previous != nil, failure: error)
        }
    }

    /// Keeps `event` and hands it to every client of its namespace.
    private func record(_ event: Event) {
        deliver { state in
            state.window.append(event, at: event.revision)
            return (.event(event), { event.revision > $0.after && event.key.hasPrefix($0.prefix) })
        }
    }

    /// The store has reached `revision`: every client hears of it.
    private func advance(to revision: Int64) {
        deliver { state in
            state.window.advance(to: revision)
            let reached = state.window.revision
            return (.progress(reached), { reached > $0.after })
        }
    }

    /// Runs `update` under the lock and gives its item to the clients it picks, cutting
    /// off those whose queue is full; their streams are ended after the lock is released.
    private func deliver(_ update: (inout State) -> (Item, (Client) -> Bool)) {
        let cutOff = state.withLock { state -> [Client] in
            let (item, picks) = update(&state)
            var cutOff: [Client] = []
            for (id, client) in state.clients where picks(client) {
                if case .dropped = client.continuation.yield(item) {
                    state.clients[id] = nil
                    cutOff.append(client)
                }
            }
            return cutOff
        }
        for client in cutOff {
            client.continuation.finish(throwing: HistoryError.fellBehind(limit: limits.clientBufferEvents))
        }
    }

    /// Empties the window at the store's current revision and ends every client's watch.
    private func restart() async -> Int64 {
        let current = await store.currentRevision
        state.withLock { $0.window = CacheWindow(startingAfter: current, capacity: limits.windowEvents) }
        endClients()
        return current
    }

    private func endClients() {
        let clients = state.withLock { state -> [Client] in
            defer { state.clients = [:] }
            return Array(state.clients.values)
        }
        for client in clients { client.continuation.finish() }
    }

    private func remove(_ id: Int) {
        state.withLock { _ = $0.clients.removeValue(forKey: id) }
    }
}
