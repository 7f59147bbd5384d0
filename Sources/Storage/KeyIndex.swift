// Stage 2 · Storage: the in-memory keyspace, where revision semantics live.
//
// Both stores keep their current state in a `KeyIndex`, so `MemoryStore` and
// `DurableStore` cannot disagree on what a create, an update or a delete means: the rules
// of etcd's KV API (revisions, versions, compare-on-modRevision) are written once, here.
//
// Keys are compared as etcd compares them: as bytes. Swift's `String` equality treats
// canonically equivalent strings as equal ("é" precomposed equals "e" + combining accent);
// etcd would see two different keys. So the index is keyed by the UTF-8 bytes, and a list
// returns keys in byte order. `sortedKeys` keeps that order, so a prefix list is a binary
// search followed by a walk, as etcd's range read over `[prefix, prefixEnd)`.

import struct Foundation.Data

/// The current value of every key plus the global revision; owned by one store actor.
struct KeyIndex: Sendable {
    /// The revision of the last applied change. Invariant: every entry's `modRevision` ≤ this.
    private(set) var revision: Int64 = StorageLimits.initialRevision
    /// The live keys. Invariant: `entries.keys` and `sortedKeys` hold the same keys.
    private var entries: [[UInt8]: StoredValue] = [:]
    /// The live keys in byte order, for ordered prefix reads.
    private var sortedKeys: [[UInt8]] = []
    // Stage 3 > every committed change passes through `apply`, so the index tells the store's observer
    /// Told of each change `apply` makes. Each store applies a change only once it is
    /// durable, so this hears exactly the committed writes; recovery builds its index
    /// without one, so replaying a log at start-up tells nobody.
    var observer: CommitObserver?
    // Stage 3 <

    var count: Int { entries.count }

    func value(at key: String) -> StoredValue? {
        entries[Array(key.utf8)]
    }

    /// The values whose keys start with `prefix`, in byte order of their keys.
    func values(withPrefix prefix: String) -> [StoredValue] {
        let prefixBytes = Array(prefix.utf8)
        var result: [StoredValue] = []
        var position = firstPosition(notBefore: prefixBytes)
        while position < sortedKeys.count, sortedKeys[position].starts(with: prefixBytes) {
            if let value = entries[sortedKeys[position]] { result.append(value) }
            position += 1
        }
        return result
    }

    // MARK: Checking a write, without changing anything

    /// The change that creates `key`, or why it cannot be created.
    func changeCreating(_ key: String, value: Data) throws(StorageError) -> Change {
        try checkEntry(key, value)
        guard self.value(at: key) == nil else { throw .alreadyExists(key: key) }
        let next = revision + 1
        return .put(StoredValue(key: key, value: value, createRevision: next, modRevision: next, version: 1))
    }

    /// The change that replaces the value at `key`, or why it cannot be made.
    func changeUpdating(_ key: String, value: Data, expectedModRevision: Int64?) throws(StorageError) -> Change {
        try checkEntry(key, value)
        let current = try existing(key, expectedModRevision: expectedModRevision)
        return .put(StoredValue(
            key: key, value: value,
            createRevision: current.createRevision, modRevision: revision + 1, version: current.version + 1
        ))
    }

    /// The change that removes `key`, and the value it held, or why it cannot be removed.
    func changeDeleting(_ key: String, expectedModRevision: Int64?) throws(StorageError) -> (change: Change, deleted: StoredValue) {
        guard !key.isEmpty else { throw .emptyKey }
        let current = try existing(key, expectedModRevision: expectedModRevision)
        return (.delete(key: key, revision: revision + 1), current)
    }

    // MARK: Applying a change

    /// Applies a change that was checked above (or read back from a log); moves the revision on.
    mutating func apply(_ change: Change) {
        // Stage 3 > the value this change replaces, for the observer
        let replaced = observer == nil ? nil : value(at: change.key)
        // Stage 3 <
        switch change {
        case .put(let value):
            let keyBytes = Array(value.key.utf8)
            if entries.updateValue(value, forKey: keyBytes) == nil {
                sortedKeys.insert(keyBytes, at: firstPosition(notBefore: keyBytes))
            }
        case .delete(let key, _):
            let keyBytes = Array(key.utf8)
            if entries.removeValue(forKey: keyBytes) != nil {
                sortedKeys.remove(at: firstPosition(notBefore: keyBytes))
            }
        }
        revision = change.revision
        // Stage 3 > the change is applied: tell the observer, in revision order since one actor applies them
        observer?(CommittedWrite(change, replacing: replaced))
        // Stage 3 <
    }

    /// Sets the revision when loading a snapshot, whose revision may be past every key's
    /// `modRevision` (deletes bump the revision and leave no key behind).
    mutating func restoreRevision(_ revision: Int64) {
        self.revision = revision
    }

    // MARK: Helpers

    /// Refuses empty keys and entries over the size limit, as etcd does.
    private func checkEntry(_ key: String, _ value: Data) throws(StorageError) {
        guard !key.isEmpty else { throw .emptyKey }
        let bytes = key.utf8.count + value.count
        guard bytes <= StorageLimits.maximumEntryBytes else {
            throw .tooLarge(key: key, bytes: bytes, limit: StorageLimits.maximumEntryBytes)
        }
    }

    /// The key's current value, if it exists and (when asked) still has the expected revision.
    private func existing(_ key: String, expectedModRevision: Int64?) throws(StorageError) -> StoredValue {
        guard let current = value(at: key) else { throw .notFound(key: key) }
        if let expected = expectedModRevision, expected != current.modRevision {
            throw .conflict(key: key, current: current)
        }
        return current
    }

    /// The position of the first key in `sortedKeys` that is not before `key` (binary search).
    private func firstPosition(notBefore key: [UInt8]) -> Int {
        var low = 0
        var high = sortedKeys.count
        while low < high {
            let middle = (low + high) / 2
            if sortedKeys[middle].lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
