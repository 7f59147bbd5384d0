// Stage 2 · APIServer: one resource's objects in storage — create, read, update, delete.
//
// This is Kubernetes' generic registry (`registry/generic/registry/store.go`): the
// same code stores pods, nodes, namespaces and events, and asks the resource's
// `RESTStrategy` only about what differs. Objects are kept as JSON under keys such as
// `/registry/pods/default/web`; the store's revision of the key becomes the object's
// `resourceVersion`, which is how optimistic concurrency works:
//
//   an update carries the resourceVersion it was based on; if the object was changed
//   since, the store refuses, and the client gets 409 Conflict and must read again.
//
// Every failure is a `Status` (thrown), which the handler sends back as it is.

import API
import APIMachinery
import Foundation
import Storage
// Stage 4 > the scheduler's throughput: decoded stored values are remembered behind a lock; a create answers with what it stored
import HTTP
import Synchronization
// Stage 4 <

/// The objects of one resource, kept in the key-value store.
public struct RESTStorage<Strategy: RESTStrategy>: Sendable {
    public typealias Object = Strategy.Object
    public let store: any KeyValueStore
    var resource: Resource { Object.resource }
    var groupResource: GroupResource { resource.groupResource }
    var groupKind: GroupKind { GroupKind(group: resource.group, kind: resource.kind) }

    /// Makes the storage of one resource over `store`.
    public init(store: any KeyValueStore) { self.store = store }
    // Stage 4 > admission: a write may be changed or refused by rules that read other objects (Priority)
    /// The admission plug-ins of the resource's own endpoint (`ResourceRegistration`), run on
    /// every create and update before the strategy; none for storage made elsewhere (start-up objects).
    public var admission: [any AdmissionPlugin<Strategy>] = []
    // Stage 4 <

    /// Creates `object` in `namespace` (ignored for cluster-scoped resources); with
    /// `dryRun`, returns what would be stored and stores nothing (`DryRun.swift`).
    public func create(_ object: Object, namespace: String, dryRun: Bool = false) async throws(Status) -> Object {
        var object = object
        try checkNamespace(of: &object, requested: namespace)
        // Stage 4 > admission: a write may be changed or refused by rules that read other objects (Priority)
        for plugin in admission { try await plugin.admitCreate(&object, namespace: object.metadata.namespace, store: store) }
        // Stage 4 <
        object.apiVersion = resource.groupVersion
        object.kind = resource.kind
        object.metadata.prepareForCreate(now: Time.now())
        Strategy.prepareForCreate(&object)
        let errors = Strategy.validate(object)
        guard errors.isEmpty else { throw Status.invalid(groupKind, name: object.metadata.name, errors: errors) }
        let key = resource.storageKey(namespace: object.metadata.namespace, name: object.metadata.name)
        let value = try encode(object)
        if dryRun {
            // As a real create would: a name that is taken is a conflict.
            if try await storing(object.metadata.name, { try await store.get(key) }) != nil {
                throw await alreadyExists(Status.alreadyExists(groupResource, name: object.metadata.name),
                                          namespace: object.metadata.namespace, name: object.metadata.name)
            }
            return object
        }
        let revision: Int64
        do {
            revision = try await storing(object.metadata.name) { try await store.create(key, value: value) }
        } catch where error.reason == .alreadyExists {
            throw await alreadyExists(error, namespace: object.metadata.namespace, name: object.metadata.name)
        }
        object.metadata.resourceVersion = String(revision)
        // Stage 4 > the scheduler's throughput: a create answers with the JSON it stored, its resourceVersion spliced in, as a watch event does, rather than encoding the object a second time
        StoredBytesSlot.current?.keep(value)
        // Stage 4 <
        return object
    }

    /// The object `name` in `namespace`, with its current resourceVersion.
    public func get(namespace: String, name: String) async throws(Status) -> Object {
        let stored = try await read(namespace: namespace, name: name)
        return stored.object
    }

    /// Every object in `namespace` (every namespace when nil) that the selectors match.
    public func list(
        namespace: String?, labels: LabelSelector = .everything, fields: FieldSelector = .everything
    ) async throws(Status) -> (items: [Object], resourceVersion: String) {
        let prefix = resource.storagePrefix(namespace: namespace)
        let (values, revision) = try await storing("") { try await store.list(prefix: prefix) }
        var items: [Object] = []
        for value in values {
            let object = try object(from: value)
            if Self.selects(object, labels: labels, fields: fields) { items.append(object) }
        }
        return (items, String(revision))
    }

    /// Replaces object `name` with `object`; with `status` true, only its status changes.
    ///
    /// A non-empty `resourceVersion` in `object` must be the stored one, or the update
    /// is refused with 409 Conflict (someone else wrote first).
    public func update(
        _ object: Object, namespace: String, name: String, status: Bool = false, dryRun: Bool = false
    ) async throws(Status) -> Object {
        var object = object
        try checkNamespace(of: &object, requested: namespace)
        guard object.metadata.name == name else {
            throw Status.badRequest("the name of the object (\(object.metadata.name)) does not match the name on the URL (\(name))")
        }
        let (old, revision) = try await read(namespace: namespace, name: name)
        if !object.metadata.resourceVersion.isEmpty && object.metadata.resourceVersion != String(revision) {
            throw Status.conflict(groupResource, name: name)
        }
        // Stage 4 > admission: a write may be changed or refused by rules that read other objects (Priority)
        if !status { for plugin in admission { try await plugin.admitUpdate(&object, old: old, store: store) } }
        // Stage 4 <
        object.apiVersion = resource.groupVersion
        object.kind = resource.kind
        if status {
            Strategy.prepareForStatusUpdate(&object, old: old)
        } else {
            Strategy.prepareForUpdate(&object, old: old)
        }
        let errors = Strategy.validateUpdate(object, old: old)
        guard errors.isEmpty else { throw Status.invalid(groupKind, name: name, errors: errors) }
        // The update may have removed the last finalizer of an object being deleted.
        return try await removeIfFinalized(write(object, expectedRevision: revision, dryRun: dryRun), dryRun: dryRun)
    }

    /// Stores `object` over the version at `expectedRevision`; 409 if that is no longer current.
    /// With `dryRun`, returns it at that version and stores nothing.
    func write(_ object: Object, expectedRevision: Int64, dryRun: Bool = false) async throws(Status) -> Object {
        var object = object
        if dryRun {
            object.metadata.resourceVersion = String(expectedRevision)
            return object
        }
        let key = resource.storageKey(namespace: object.metadata.namespace, name: object.metadata.name)
        object.metadata.resourceVersion = ""
        let value = try encode(object)
        let revision = try await storing(object.metadata.name) {
            try await store.update(key, value: value, expectedModRevision: expectedRevision)
        }
        object.metadata.resourceVersion = String(revision)
        return object
    }

    // Stage 4 > a read-change-write that retries when someone else wrote first (pods/binding)
    /// How many times `guaranteedUpdate` reads again after losing a race, before it gives up with 409.
    public static var guaranteedUpdateAttempts: Int { 16 }

    /// Reads object `name`, lets `change` edit it (or throw a refusal), and stores the result
    /// over the version read; when another write came first, reads again and repeats
    /// (Kubernetes' `GuaranteedUpdate`). Of two racing callers, each sees the other's write.
    /// No strategy runs: the caller's change is the whole rule.
    public func guaranteedUpdate(
        namespace: String, name: String, dryRun: Bool = false, _ change: (inout Object) throws(Status) -> Void
    ) async throws(Status) -> Object {
        var lastConflict = Status.conflict(groupResource, name: name)
        for _ in 0..<Self.guaranteedUpdateAttempts {
            var (object, revision) = try await read(namespace: namespace, name: name)
            try change(&object)
            do {
                return try await write(object, expectedRevision: revision, dryRun: dryRun)
            } catch where error.reason == .conflict {
                lastConflict = error
            }
        }
        throw lastConflict
    }
    // Stage 4 <

    /// Removes object `name` from storage at once, returning it as it last was; with
    /// `dryRun`, only returns it.
    public func remove(
        namespace: String, name: String, expectedRevision: Int64? = nil, dryRun: Bool = false
    ) async throws(Status) -> Object {
        if dryRun { return try await read(namespace: namespace, name: name).object }
        let key = resource.storageKey(namespace: namespace, name: name)
        let (deleted, _) = try await storing(name) { try await store.delete(key, expectedModRevision: expectedRevision) }
        return try object(from: deleted)
    }

    /// The stored object and its revision, or 404.
    func read(namespace: String, name: String) async throws(Status) -> (object: Object, revision: Int64) {
        let key = resource.storageKey(namespace: namespace, name: name)
        guard let stored = try await storing(name, { try await store.get(key) }) else { throw Status.notFound(groupResource, name: name) }
        return (try object(from: stored), stored.modRevision)
    }

    /// The object a stored value holds, its resourceVersion the value's revision; what a
    /// watch (stage 3's reads the store's changes) decodes each change with.
    public func object(from stored: StoredValue) throws(Status) -> Object {
        // Stage 4 > the scheduler's throughput: a pod's stored bytes are read by its create's watch event, its binding's read and its binding's watch event (as the previous object); decode them once
        if let remembered = DecodedStoredValues.shared.object(for: stored, as: Object.self) { return remembered }
        // Stage 4 <
        var object = try decode(stored.value)
        object.metadata.resourceVersion = String(stored.modRevision)
        // Stage 4 > the scheduler's throughput: a pod's stored bytes are read by its create's watch event, its binding's read and its binding's watch event (as the previous object); decode them once
        DecodedStoredValues.shared.remember(object, for: stored)
        // Stage 4 <
        return object
    }

    /// Whether the selectors pick `object`; lists and watches filter with it.
    public static func selects(_ object: Object, labels: LabelSelector, fields: FieldSelector) -> Bool {
        labels.matches(object.metadata.labels) && fields.matches(Strategy.selectableFields(object))
    }

    /// Fills the namespace from the URL, and refuses an object that names another one.
    private func checkNamespace(of object: inout Object, requested: String) throws(Status) {
        guard resource.isNamespaced else {
            object.metadata.namespace = ""
            return
        }
        if object.metadata.namespace.isEmpty { object.metadata.namespace = requested }
        guard object.metadata.namespace == requested else {
            throw Status.badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
    }

    /// Runs one call on the store, its failures as Kubernetes' Status about object `name`.
    private func storing<T>(_ name: String, _ call: () async throws -> T) async throws(Status) -> T {
        do {
            return try await call()
        } catch StorageError.alreadyExists {
            throw Status.alreadyExists(groupResource, name: name)
        } catch StorageError.conflict {
            throw Status.conflict(groupResource, name: name)
        } catch StorageError.notFound {
            throw Status.notFound(groupResource, name: name)
        } catch StorageError.tooLarge(_, let bytes, let limit) {
            // The client's object is too big to store: its mistake, so a 4xx naming the limit.
            // (kube-apiserver passes etcd's "request is too large" on as a 500, kubernetes#112152.)
            throw Status.requestEntityTooLarge(
                "\(groupResource) \(name.goQuoted) is \(bytes) bytes in storage; limit is \(limit)")
        } catch {
            throw Status.internalError("\(error)")
        }
    }

    private func encode(_ object: Object) throws(Status) -> Data {
        do { return try APIJSON.encode(object) } catch { throw Status.internalError("cannot encode \(resource.kind): \(error)") }
    }

    private func decode(_ data: Data) throws(Status) -> Object {
        do { return try APIJSON.decode(Object.self, from: data) } catch { throw Status.internalError("stored \(resource.kind) is unreadable: \(error)") }
    }
}

// Stage 4 > the scheduler's throughput: a pod's stored bytes are read by its create's watch event, its binding's read and its binding's watch event (as the previous object); decode them once
/// The objects last decoded from the store, by key: the same bytes are never decoded twice
/// while they are remembered (Kubernetes' `GuaranteedUpdate` starts from the watch cache's
/// object for the same reason). Each key keeps its newest two values, because a watch event
/// decodes the new value and then the previous one. A hit needs the same revision and the
/// same bytes, so what it answers is exactly what decoding would.
final class DecodedStoredValues: Sendable {
    /// How many keys are remembered; past it the memory starts empty again.
    static let capacity = 16_384
    /// How many stored bytes are remembered in all; past it, too, the memory starts empty
    /// again, so that large objects cannot make it grow past this (objects decode to a few
    /// times their bytes).
    static let byteBudget = 32 * 1024 * 1024
    /// The largest stored value remembered (a pod is a few KiB).
    static let largestValue = 64 * 1024
    /// How many values of one key are kept: its current one and the one before.
    static let valuesPerKey = 2

    static let shared = DecodedStoredValues()

    private struct Remembered: Sendable {
        let revision: Int64
        let bytes: Data
        /// One table holds every kind; the read casts back to the kind asked for.
        let object: any Sendable
    }

    /// The values remembered by key, and how many stored bytes they hold.
    private struct Memory: Sendable {
        var values: [String: [Remembered]] = [:]
        var bytes = 0
    }

    private let memory = Mutex(Memory())

    /// The object decoded before from these very bytes at this revision, or nil.
    func object<Object: APIObject>(for stored: StoredValue, as type: Object.Type) -> Object? {
        memory.withLock { memory in
            memory.values[stored.key]?.first { $0.revision == stored.modRevision && $0.bytes == stored.value }?.object as? Object
        }
    }

    /// Keeps `object`, just decoded from `stored`, as the newest value of its key; a value
    /// larger than `largestValue` is not kept.
    func remember<Object: APIObject>(_ object: Object, for stored: StoredValue) {
        guard stored.value.count <= Self.largestValue else { return }
        let entry = Remembered(revision: stored.modRevision, bytes: stored.value, object: object)
        memory.withLock { memory in
            if memory.bytes + stored.value.count > Self.byteBudget
                || (memory.values[stored.key] == nil && memory.values.count >= Self.capacity) {
                memory = Memory()
            }
            let old = memory.values[stored.key] ?? []
            var kept = old.filter { $0.revision != stored.modRevision } + [entry]
            kept.sort { $0.revision > $1.revision }
            kept = Array(kept.prefix(Self.valuesPerKey))
            memory.bytes += kept.reduce(0) { $0 + $1.bytes.count } - old.reduce(0) { $0 + $1.bytes.count }
            memory.values[stored.key] = kept
        }
    }
}
// Stage 4 <

// Stage 4 > the scheduler's throughput: a create answers with the JSON it stored, its resourceVersion spliced in, as a watch event does, rather than encoding the object a second time
/// Where a create leaves the bytes it stored, for the caller that answers with them.
public final class StoredBytesSlot: Sendable {
    /// The slot of the create running in this task, if its caller set one.
    @TaskLocal public static var current: StoredBytesSlot?

    private let stored = Mutex<Data?>(nil)

    public init() {}

    func keep(_ bytes: Data) { stored.withLock { $0 = bytes } }

    /// What the create stored, if it stored anything.
    public var bytes: Data? { stored.withLock { $0 } }
}

extension RESTStorage {
    /// `create`, answered 201 with the object as stored: its stored JSON with the
    /// resourceVersion spliced in, byte for byte what encoding it again would give.
    public func createAnswer(_ object: Object, namespace: String) async throws(Status) -> HTTPResponse {
        let slot = StoredBytesSlot()
        let created: Object
        do {
            created = try await StoredBytesSlot.$current.withValue(slot) { try await create(object, namespace: namespace) }
        } catch let status as Status {
            throw status
        } catch {
            throw Status.internalError("\(error)")
        }
        if let stored = slot.bytes, let json = StoredObjectJSON.withResourceVersion([UInt8](stored), created.metadata.resourceVersion) {
            return HTTPResponse(status: .created, headers: ["Content-Type": "application/json"], body: json)
        }
        return try APIResponse.object(created, status: .created)
    }
}
// Stage 4 <
