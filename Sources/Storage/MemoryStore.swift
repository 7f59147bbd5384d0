// Stage 2 · Storage: the store contract kept in memory only.
//
// Tests of the API server and of anything above it want a store that is fast, needs no
// directory and forgets everything when dropped. `MemoryStore` is `KeyIndex` behind an
// actor: the same revision rules as `DurableStore`, without the log.

import struct Foundation.Data

/// A `KeyValueStore` that lives in memory; tests of other components build one.
public actor MemoryStore: KeyValueStore {
    /// All state. Only this actor touches it.
    private var index = KeyIndex()

    /// Makes an empty store at revision `StorageLimits.initialRevision`.
    public init() {}

    /// See `KeyValueStore.get`.
    public func get(_ key: String) throws(StorageError) -> StoredValue? {
        index.value(at: key)
    }

    /// See `KeyValueStore.list(prefix:)`.
    public func list(prefix: String) throws(StorageError) -> (items: [StoredValue], revision: Int64) {
        (index.values(withPrefix: prefix), index.revision)
    }

    /// See `KeyValueStore.create(_:value:)`.
    public func create(_ key: String, value: Data) throws(StorageError) -> Int64 {
        let change = try index.changeCreating(key, value: value)
        index.apply(change)
        return change.revision
    }

    /// See `KeyValueStore.update(_:value:expectedModRevision:)`.
    public func update(_ key: String, value: Data, expectedModRevision: Int64?) throws(StorageError) -> Int64 {
        let change = try index.changeUpdating(key, value: value, expectedModRevision: expectedModRevision)
        index.apply(change)
        return change.revision
    }

    /// See `KeyValueStore.delete(_:expectedModRevision:)`.
    public func delete(_ key: String, expectedModRevision: Int64?) throws(StorageError) -> (deleted: StoredValue, revision: Int64) {
        let (change, deleted) = try index.changeDeleting(key, expectedModRevision: expectedModRevision)
        index.apply(change)
        return (deleted, change.revision)
    }

    /// See `KeyValueStore.currentRevision`.
    public var currentRevision: Int64 { index.revision }
}

// Stage 3 > the store reports its commits to one observer, stage 3's watchable store
extension MemoryStore: CommitObservable {
    /// See `CommitObservable.observeCommits(_:)`.
    public func observeCommits(_ makeObserver: @Sendable (Int64) -> CommitObserver) {
        index.observer = makeObserver(index.revision)
    }
}
// Stage 3 <
