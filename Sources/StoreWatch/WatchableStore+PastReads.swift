// Stage 3 · StoreWatch: reading the keyspace as it was at a revision the history still holds.
//
// Kubernetes needs these reads for two things: a list with `resourceVersionMatch=Exact`
// ("the pods as they were at revision 120"), and paging, where every page of a long list
// must come from the same revision although writes continue between pages (the continue
// token carries that revision). etcd keeps old versions of every key until compaction;
// here the state at revision R is rebuilt from the current state by undoing, newest
// first, the events after R: a put is undone by restoring its previous value (or removing
// a created key), a delete by restoring the deleted value.
//
// The current read comes first and the undo second, under the history's lock. That is
// safe because the store reports each write before the write returns, inside its own
// isolation, so by the time a read at revision C returns, every event up to C is in the
// history. Events after C are skipped.

import Storage

extension WatchableStore {
    /// The values under `prefix` as they were at `revision`, in key order.
    ///
    /// Throws `.compacted` for a revision before the history, `.futureRevision` for one the
    /// store has not reached.
    public func list(prefix: String, atRevision revision: Int64) async throws(HistoryError) -> [StoredValue] {
        let current: (items: [StoredValue], revision: Int64)
        do throws(StorageError) {
            current = try await base.list(prefix: prefix)
        } catch {
            throw .storage(error)
        }
        guard revision <= current.revision else {
            throw .futureRevision(requested: revision, current: current.revision)
        }
        var byKey = Dictionary(uniqueKeysWithValues: current.items.map { ($0.key, $0) })
        try hub.withHistory { history throws(HistoryError) in
            let later = try history.events(after: revision).prefix { $0.revision <= current.revision }
            for event in later.reversed() where event.key.hasPrefix(prefix) {
                byKey[event.key] = event.previous
            }
        }
        // Byte order of keys, as the store lists them.
        return byKey.values.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    /// The value at `key` as it was at `revision`, or nil if the key did not exist then.
    public func get(_ key: String, atRevision revision: Int64) async throws(HistoryError) -> StoredValue? {
        try await list(prefix: key, atRevision: revision).first { $0.key == key }
    }
}
