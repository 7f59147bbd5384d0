// Stage 3 · Informers: the local cache of one resource, with indexes (client-go's Indexer).
//
// A component that watches pods keeps its own copy of them, so that it can answer
// "which pods are on node1?" without asking the API server each time: its reads are
// local and instant, and the API server is spared. This is that copy. Objects are kept
// under their key, `namespace/name` (or `name` for a cluster-scoped kind), the key every
// client-go cache and work queue uses. An index is a function from an object to the
// values it is filed under (`spec.nodeName`), so `byIndex("node", "node1")` is a lookup,
// not a scan. The `namespace` index is always there.
//
// One writer, the informer, keeps it up to date; any number of readers, on any thread,
// read it at once without waiting (a `Mutex`, not an actor: a read is a few dictionary
// lookups, and a caller should not have to `await` its own cache). Objects handed out
// are copies, but a reader must treat them as the cache's: never change one and write
// it back without the API server.

import APIMachinery
import Synchronization

/// The thread-safe cache of one resource: a `Store` (key → object) plus named indexes.
public final class Indexer<Object: APIObject>: Sendable {
    /// Files an object under zero or more values of one index.
    public typealias IndexFunction = @Sendable (Object) -> [String]

    /// The index every indexer has: objects by their namespace.
    public static var namespaceIndex: String { "namespace" }

    private struct State {
        var objects: [String: Object] = [:]
        // index name → indexed value → keys of the objects filed under it.
        var indices: [String: [String: Set<String>]] = [:]
    }

    private let indexFunctions: [String: IndexFunction]
    private let state = Mutex(State())

    /// An empty cache with the namespace index and `indexers`, such as
    /// `["node": { [$0.spec.nodeName] }]`.
    public init(indexers: [String: IndexFunction] = [:]) {
        var functions = indexers
        functions[Self.namespaceIndex] = { [$0.metadata.namespace] }
        indexFunctions = functions
    }

    /// The key of an object in every cache and queue: `namespace/name`, or `name` for a
    /// cluster-scoped kind (client-go's `MetaNamespaceKeyFunc`).
    public static func key(of object: Object) -> String {
        object.metadata.namespace.isEmpty ? object.metadata.name : "\(object.metadata.namespace)/\(object.metadata.name)"
    }

    // MARK: Reading, from anywhere

    /// The object under `key`, if the cache holds it.
    public func get(key: String) -> Object? { state.withLock { $0.objects[key] } }

    /// Every object held, in no particular order.
    public func list() -> [Object] { state.withLock { Array($0.objects.values) } }

    /// The keys of every object held.
    public func keys() -> [String] { state.withLock { Array($0.objects.keys) } }

    /// How many objects are held.
    public var count: Int { state.withLock { $0.objects.count } }

    /// The objects filed under `value` in the index `name`; empty for an unknown index.
    public func byIndex(_ name: String, _ value: String) -> [Object] {
        state.withLock { state in
            (state.indices[name]?[value] ?? []).compactMap { state.objects[$0] }
        }
    }

    // MARK: Writing, by the informer alone

    /// Adds or replaces the object under its key, refiling it in every index.
    public func upsert(_ object: Object) {
        let key = Self.key(of: object)
        state.withLock { state in
            if let old = state.objects[key] { unfile(old, key: key, from: &state) }
            state.objects[key] = object
            file(object, key: key, in: &state)
        }
    }

    /// Removes the object under the key of `object`, if any.
    public func delete(_ object: Object) {
        let key = Self.key(of: object)
        state.withLock { state in
            guard let old = state.objects.removeValue(forKey: key) else { return }
            unfile(old, key: key, from: &state)
        }
    }

    /// Replaces the whole contents with `objects`: what a fresh list says.
    public func replace(with objects: [Object]) {
        state.withLock { state in
            state = State()
            for object in objects {
                let key = Self.key(of: object)
                state.objects[key] = object
                file(object, key: key, in: &state)
            }
        }
    }

    private func file(_ object: Object, key: String, in state: inout State) {
        for (name, function) in indexFunctions {
            for value in function(object) { state.indices[name, default: [:]][value, default: []].insert(key) }
        }
    }

    private func unfile(_ object: Object, key: String, from state: inout State) {
        for (name, function) in indexFunctions {
            for value in function(object) {
                state.indices[name]?[value]?.remove(key)
                if state.indices[name]?[value]?.isEmpty == true { state.indices[name]?[value] = nil }
            }
        }
    }
}
