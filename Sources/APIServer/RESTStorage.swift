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

/// The objects of one resource, kept in the key-value store.
public struct RESTStorage<Strategy: RESTStrategy>: Sendable {
    public typealias Object = Strategy.Object
    let store: any KeyValueStore
    var definition: ResourceDefinition { Strategy.definition }
    var groupResource: GroupResource { GroupResource(group: definition.group, resource: definition.name) }
    var groupKind: GroupKind { GroupKind(group: definition.group, kind: definition.kind) }

    /// Makes the storage of one resource over `store`.
    public init(store: any KeyValueStore) { self.store = store }

    /// Creates `object` in `namespace` (ignored for cluster-scoped resources).
    public func create(_ object: Object, namespace: String) async throws(Status) -> Object {
        var object = object
        try checkNamespace(of: &object, requested: namespace)
        object.apiVersion = definition.groupVersion
        object.kind = definition.kind
        object.metadata.prepareForCreate(now: Time.now())
        Strategy.prepareForCreate(&object)
        let errors = Strategy.validate(object)
        guard errors.isEmpty else { throw Status.invalid(groupKind, name: object.metadata.name, errors: errors) }
        let key = definition.storageKey(namespace: object.metadata.namespace, name: object.metadata.name)
        do {
            let revision = try await store.create(key, value: try encode(object))
            object.metadata.resourceVersion = String(revision)
            return object
        } catch StorageError.alreadyExists {
            throw Status.alreadyExists(groupResource, name: object.metadata.name)
        } catch let status as Status {
            throw status
        } catch {
            throw Status.internalError("\(error)")
        }
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
        let prefix = definition.storagePrefix(namespace: namespace)
        do {
            let (values, revision) = try await store.list(prefix: prefix)
            var items: [Object] = []
            for value in values {
                var object = try decode(value.value)
                object.metadata.resourceVersion = String(value.modRevision)
                guard labels.matches(object.metadata.labels), fields.matches(Strategy.selectableFields(object)) else { continue }
                items.append(object)
            }
            return (items, String(revision))
        } catch let status as Status {
            throw status
        } catch {
            throw Status.internalError("\(error)")
        }
    }

    /// Replaces object `name` with `object`; with `status` true, only its status changes.
    ///
    /// A non-empty `resourceVersion` in `object` must be the stored one, or the update
    /// is refused with 409 Conflict (someone else wrote first).
    public func update(_ object: Object, namespace: String, name: String, status: Bool = false) async throws(Status) -> Object {
        var object = object
        try checkNamespace(of: &object, requested: namespace)
        guard object.metadata.name == name else {
            throw Status.badRequest("the name of the object (\(object.metadata.name)) does not match the name on the URL (\(name))")
        }
        let (old, revision) = try await read(namespace: namespace, name: name)
        if !object.metadata.resourceVersion.isEmpty && object.metadata.resourceVersion != String(revision) {
            throw Status.conflict(groupResource, name: name)
        }
        object.apiVersion = definition.groupVersion
        object.kind = definition.kind
        if status {
            Strategy.prepareForStatusUpdate(&object, old: old)
        } else {
            Strategy.prepareForUpdate(&object, old: old)
        }
        let errors = Strategy.validateUpdate(object, old: old)
        guard errors.isEmpty else { throw Status.invalid(groupKind, name: name, errors: errors) }
        return try await write(object, expectedRevision: revision)
    }

    /// Stores `object` over the version at `expectedRevision`; 409 if that is no longer current.
    func write(_ object: Object, expectedRevision: Int64) async throws(Status) -> Object {
        var object = object
        let key = definition.storageKey(namespace: object.metadata.namespace, name: object.metadata.name)
        do {
            object.metadata.resourceVersion = ""
            let revision = try await store.update(key, value: try encode(object), expectedModRevision: expectedRevision)
            object.metadata.resourceVersion = String(revision)
            return object
        } catch StorageError.conflict {
            throw Status.conflict(groupResource, name: object.metadata.name)
        } catch StorageError.notFound {
            throw Status.notFound(groupResource, name: object.metadata.name)
        } catch let status as Status {
            throw status
        } catch {
            throw Status.internalError("\(error)")
        }
    }

    /// Removes object `name` from storage at once, returning it as it last was.
    public func remove(namespace: String, name: String, expectedRevision: Int64? = nil) async throws(Status) -> Object {
        let key = definition.storageKey(namespace: namespace, name: name)
        do {
            let (deleted, _) = try await store.delete(key, expectedModRevision: expectedRevision)
            var object = try decode(deleted.value)
            object.metadata.resourceVersion = String(deleted.modRevision)
            return object
        } catch StorageError.notFound {
            throw Status.notFound(groupResource, name: name)
        } catch StorageError.conflict {
            throw Status.conflict(groupResource, name: name)
        } catch let status as Status {
            throw status
        } catch {
            throw Status.internalError("\(error)")
        }
    }

    /// The stored object and its revision, or 404.
    func read(namespace: String, name: String) async throws(Status) -> (object: Object, revision: Int64) {
        let key = definition.storageKey(namespace: namespace, name: name)
        let stored: StoredValue?
        do {
            stored = try await store.get(key)
        } catch {
            throw Status.internalError("\(error)")
        }
        guard let stored else { throw Status.notFound(groupResource, name: name) }
        var object = try decode(stored.value)
        object.metadata.resourceVersion = String(stored.modRevision)
        return (object, stored.modRevision)
    }

    /// Fills the namespace from the URL, and refuses an object that names another one.
    private func checkNamespace(of object: inout Object, requested: String) throws(Status) {
        guard definition.isNamespaced else {
            object.metadata.namespace = ""
            return
        }
        if object.metadata.namespace.isEmpty { object.metadata.namespace = requested }
        guard object.metadata.namespace == requested else {
            throw Status.badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
    }

    private func encode(_ object: Object) throws(Status) -> Data {
        do { return try APIJSON.encode(object) } catch { throw Status.internalError("cannot encode \(definition.kind): \(error)") }
    }

    private func decode(_ data: Data) throws(Status) -> Object {
        do { return try APIJSON.decode(Object.self, from: data) } catch { throw Status.internalError("stored \(definition.kind) is unreadable: \(error)") }
    }
}
