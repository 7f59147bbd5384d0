// Stage 3 · GroupCommit: concurrent writes share one fsync, and none is answered before it is on disk.
//
// Stage 2's `DurableStore` makes each write durable on its own: one append and one fsync
// per write, then the answer. An fsync takes about a millisecond on a good disk, so however
// many API server requests write at once, the store answers at most about a thousand a
// second, one after another. etcd does better by *group commit*: while one fsync is in
// flight, new writes queue; when it completes, everything queued goes to disk together,
// with one write and one fsync, and every caller of the batch is answered. Each write still
// waits for its own record to be on disk; it just shares the wait.
//
// This actor is the queue. A write that finds nothing in flight is committed at once, as
// a batch of one, by its own caller. A write that finds a batch in flight is queued and its
// caller suspended. When the batch completes, a committer (a task that lives while the
// queue is not empty) takes the queue as the next batch and hands it to
// `DurableStore.commit(batch:)`, which checks each write against the state the writes
// before it in the batch leave (so a batch's second write to a key sees its first),
// appends them all, fsyncs once, applies them and tells the commit observer (the watch) of
// each, in revision order. Then the committer resumes the batch's callers and takes the
// next batch: the writes that queued during the fsync. So a lone writer waits for one
// fsync, as before, and 32 writers share each one.
//
// Why a stage-3 module beside stage 2's store rather than inside it: stage 2's chapter is
// "write, fsync, apply, answer", one write at a time, and its binary keeps that. Group
// commit needs a queue and a task that outlives one call, which is this module; the store
// opens only what a batch needs of it, in fences: `commit(batch:)`, the `BatchedWrite` it
// takes, and a count of its fsyncs for the tests.
//
// The fsync still runs inside the store's actor, blocking its thread as in stage 2; that
// is what makes a batch atomic against every other call of the store. Reads therefore wait
// behind an fsync in flight, as they did in stage 2.
//
// When a batch takes the log past its threshold, the store writes its snapshot beside the
// writes rather than in their way: from a copy of the keyspace, on a thread of its own,
// while batches go on to a second log segment (`DurableStore.startSnapshot()`).

import Storage
import Synchronization
import struct Foundation.Data

/// A `DurableStore` whose concurrent writes share fsyncs; the API server's store in stage 3.
///
/// The queue is guarded by a `Mutex`, not kept in an actor of its own: a write then goes
/// from its caller straight to the store, as in stage 2, with no extra hop through another
/// actor, which on a busy two-core machine costs a lone writer as much as its fsync. The
/// lock is held only to look at the queue or change it, never across an `await`.
public final class GroupCommitStore: CommitObservable {
    /// A write waiting for its batch, and the caller to answer.
    private struct Queued {
        let write: BatchedWrite
        let continuation: CheckedContinuation<Result<BatchedWrite.Outcome, StorageError>, Never>
    }

    /// The writes waiting, and whether a batch is in flight; guarded by `queue`.
    private struct Queue {
        /// The writes that arrived since the batch in flight was taken, in arrival order.
        var waiting: [Queued] = []
        /// A batch is in flight (a caller's own, or a committer's), or about to be taken.
        var isCommitting = false
        /// Set by tests: while held, writes queue and no new batch is taken.
        var isHeld = false

        /// Claims the store for a committer if writes wait and none is committing.
        mutating func claimForCommitter() -> Bool {
            guard !isCommitting, !isHeld, !waiting.isEmpty else { return false }
            isCommitting = true
            return true
        }
    }

    /// The store every batch goes to; reads go straight to it. Not public: a write around
    /// the queue would still be correct, but would not share an fsync.
    let base: DurableStore
    let limits: GroupCommitLimits
    private let queue = Mutex(Queue())

    /// Wraps `base`, which from now on should be written only through this store.
    public init(_ base: DurableStore, limits: GroupCommitLimits = .standard) {
        self.base = base
        self.limits = limits
    }

    // MARK: Writes: queued, committed in batches

    /// See `KeyValueStore.create(_:value:)`.
    public func create(_ key: String, value: Data) async throws(StorageError) -> Int64 {
        try await submit(.create(key: key, value: value)).revision
    }

    /// See `KeyValueStore.update(_:value:expectedModRevision:)`.
    public func update(_ key: String, value: Data, expectedModRevision: Int64?) async throws(StorageError) -> Int64 {
        try await submit(.update(key: key, value: value, expectedModRevision: expectedModRevision)).revision
    }

    /// See `KeyValueStore.delete(_:expectedModRevision:)`.
    public func delete(_ key: String, expectedModRevision: Int64?) async throws(StorageError) -> (deleted: StoredValue, revision: Int64) {
        let outcome = try await submit(.delete(key: key, expectedModRevision: expectedModRevision))
        // A successful delete always reports the value it removed.
        guard let deleted = outcome.deleted else { throw .notFound(key: key) }
        return (deleted, outcome.revision)
    }

    /// Commits `write`, alone or in the next batch, and returns once it is durable (or refused).
    private func submit(_ write: BatchedWrite) async throws(StorageError) -> BatchedWrite.Outcome {
        let alone = queue.withLock { queue in
            guard !queue.isCommitting, !queue.isHeld, queue.waiting.isEmpty else { return false }
            queue.isCommitting = true
            return true
        }
        if alone {
            // Nothing in flight or waiting: this write is a batch of its own, committed by
            // its own caller, which pays no hand-off to a committer.
            let outcome = await base.commit(batch: [write])[0]
            // Writes that queued meanwhile go to a committer.
            let startsCommitter = queue.withLock { queue in
                queue.isCommitting = false
                return queue.claimForCommitter()
            }
            if startsCommitter { startCommitter() }
            return try outcome.get()
        }
        let result = await withCheckedContinuation { continuation in
            // The batch in flight may have ended since the check above; then this write
            // starts the committer itself, so it cannot be left waiting.
            let startsCommitter = queue.withLock { queue in
                queue.waiting.append(Queued(write: write, continuation: continuation))
                return queue.claimForCommitter()
            }
            if startsCommitter { startCommitter() }
        }
        return try result.get()
    }

    /// Starts a committer; the caller has claimed the queue for it.
    private func startCommitter() {
        // A short-lived task, not a long-running component: it ends when the queue is empty,
        // and every write it carries has a caller waiting for it.
        Task { await commitQueued() }
    }

    /// Commits batch after batch until the queue is empty (or a test holds it).
    private func commitQueued() async {
        while let batch = takeBatch() {
            let outcomes = await base.commit(batch: batch.map(\.write))
            for (queued, outcome) in zip(batch, outcomes) {
                queued.continuation.resume(returning: outcome)
            }
        }
    }

    /// The oldest waiting writes, as many as the limits allow (at least one); nil, and the
    /// committer's end, when none wait or a test holds the queue.
    private func takeBatch() -> [Queued]? {
        queue.withLock { queue in
            guard !queue.isHeld, !queue.waiting.isEmpty else {
                queue.isCommitting = false
                return nil
            }
            var count = 0
            var bytes = 0
            for queued in queue.waiting {
                let size = queued.write.entryBytes
                guard count == 0 || (count < limits.maximumBatchWrites && bytes + size <= limits.maximumBatchBytes) else { break }
                count += 1
                bytes += size
            }
            let batch = Array(queue.waiting.prefix(count))
            queue.waiting.removeFirst(count)
            return batch
        }
    }

    // MARK: For tests: stand in for an fsync that takes its time

    /// Stops taking new batches (the one in flight, if any, completes): writes queue up as
    /// they would behind a slow fsync.
    func hold() {
        queue.withLock { $0.isHeld = true }
    }

    /// Takes batches again, starting with everything that queued while held.
    func release() {
        let startsCommitter = queue.withLock { queue in
            queue.isHeld = false
            return queue.claimForCommitter()
        }
        if startsCommitter { startCommitter() }
    }

    /// How many writes are waiting for a batch.
    var queuedCount: Int { queue.withLock { $0.waiting.count } }

    // MARK: Reads and the rest, passed through

    /// See `KeyValueStore.get`.
    public func get(_ key: String) async throws(StorageError) -> StoredValue? {
        try await base.get(key)
    }

    /// See `KeyValueStore.list(prefix:)`.
    public func list(prefix: String) async throws(StorageError) -> (items: [StoredValue], revision: Int64) {
        try await base.list(prefix: prefix)
    }

    /// See `KeyValueStore.currentRevision`.
    public var currentRevision: Int64 {
        get async { await base.currentRevision }
    }

    /// See `CommitObservable.observeCommits(_:)`: the store's observer hears each write of a
    /// batch after the batch's fsync, in revision order.
    public func observeCommits(_ makeObserver: @Sendable (Int64) -> CommitObserver) async {
        await base.observeCommits(makeObserver)
    }

    /// Closes the underlying store; see `DurableStore.close()`.
    public func close() async {
        await base.close()
    }
}

extension BatchedWrite {
    /// The bytes of key and value, to bound a batch's size.
    var entryBytes: Int {
        switch self {
        case .create(let key, let value), .update(let key, let value, _): key.utf8.count + value.count
        case .delete(let key, _): key.utf8.count
        }
    }
}
