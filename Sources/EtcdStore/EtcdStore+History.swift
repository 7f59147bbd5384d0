// Stage 3 · EtcdStore: reads in the past, compaction, and how far back etcd remembers.
//
// etcd keeps old versions of every key, so a read "as it was at revision R" is a plain
// range with `revision: R`. Compacting at C forgets what was overwritten or deleted at or
// before C: a read at C still works (each key keeps its value as of C), a read before C
// is refused. That is exactly this contract's `compact(through: C)`, and etcd's
// compaction revision is this store's `compactRevision`.
//
// Where the two differ by one is the watch: etcd lets a watch start at C itself, but
// the events at C come without the value before them, which compaction dropped (observed
// on 3.4.23: an update at C arrives with no `prev_kv`). "The history starts after C"
// means no such half-event is ever delivered; see EtcdStore+Watch.swift for how the
// watch asks etcd so that etcd itself refuses a start before C.
//
// etcd 3.4 has no call that says its compaction revision. The store knows the ones it
// made and the ones a refused watch reported; another API server may have compacted
// further. So `compactRevision` asks: a read at the known revision that succeeds proves
// it is still the answer, one that is refused starts a binary search between it and now,
// a read per halving (a handful of reads, and only after someone else compacted).

import Storage
import StoreWatch

extension EtcdStore {
    /// See `WatchableKeyValueStore.list(prefix:atRevision:)`: a range at `revision`.
    public func list(prefix: String, atRevision revision: Int64) async throws(HistoryError) -> [StoredValue] {
        try await rangeAt(.prefix(prefix, revision: revision)).map(\.stored)
    }

    /// See `WatchableKeyValueStore.get(_:atRevision:)`: a range of one key at `revision`.
    public func get(_ key: String, atRevision revision: Int64) async throws(HistoryError) -> StoredValue? {
        try await rangeAt(.key(key, revision: revision)).first?.stored
    }

    /// A range at the request's revision, its refusals as `HistoryError`s.
    private func rangeAt(_ request: EtcdRangeRequest) async throws(HistoryError) -> [EtcdKeyValue] {
        let revision = request.revision
        // etcd reads revision 0 as "now"; in this contract it is before every history.
        guard revision >= StorageLimits.initialRevision else {
            throw .compacted(requested: revision, compactRevision: await compactRevision)
        }
        do {
            return try await rangeOrRefusal(request).kvs ?? []
        } catch let failure where failure.isCompacted {
            throw .compacted(requested: revision, compactRevision: await compactRevision)
        } catch let failure where failure.isFutureRevision {
            throw .futureRevision(requested: revision, current: await currentRevision)
        } catch {
            throw .storage(error.storageError)
        }
    }

    /// See `WatchableKeyValueStore.compact(through:)`: etcd's compaction at `revision`,
    /// clamped to the newest revision. Compacting where etcd already has is no change.
    public func compact(through revision: Int64) async throws(HistoryError) {
        let target = min(revision, await currentRevision)
        guard target > known.withLock({ $0.compactRevision }) else { return }
        do {
            _ = try await client.call(
                "/v3/kv/compaction", EtcdCompactionRequest(revision: target, physical: true),
                as: EtcdCompactionResponse.self, retry: .always)
        } catch let failure where failure.isCompacted {
            // Someone compacted at or past `target` already: the goal is met.
        } catch {
            throw .storage(error.storageError)
        }
        noteCompacted(through: target)
        logger.info("compacted etcd", ["revision": target])
    }

    /// See `WatchableKeyValueStore.compactRevision`: etcd's compaction revision, checked
    /// with a read (see the file's opening comment). With no member answering, the last known.
    public var compactRevision: Int64 {
        get async {
            var low = known.withLock { $0.compactRevision }  // Reads at `low` worked once.
            guard !(await isReadable(at: low)) else { return low }
            var high = await currentRevision  // Always readable: etcd never compacts past now.
            while high - low > 1 {
                let middle = low + (high - low) / 2
                if await isReadable(at: middle) { high = middle } else { low = middle }
            }
            noteCompacted(through: high)
            return high
        }
    }

    /// Whether a read at `revision` is still served: false only when etcd says compacted.
    private func isReadable(at revision: Int64) async -> Bool {
        do {
            _ = try await rangeOrRefusal(EtcdRangeRequest(key: EtcdKeys.bytes("\0"), rangeEnd: nil, revision: revision, countOnly: true))
            return true
        } catch {
            return !error.isCompacted
        }
    }

    /// Records a compaction revision learned from etcd or made here.
    func noteCompacted(through revision: Int64) {
        known.withLock { $0.compactRevision = max($0.compactRevision, revision) }
    }
}
