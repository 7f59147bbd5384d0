// Stage 2 · Storage: the API server's store on disk; nothing it acknowledged is ever lost.
//
// The state is a `KeyIndex` in memory; the disk holds what it takes to rebuild it (see
// `DataDirectory` for the files, `LogRecord` and `RecordFrame` for their bytes). A write:
//
//   1. `KeyIndex` checks it and produces a `Change` (or an error; nothing is written);
//   2. the change is appended to the log as one framed, checksummed record and fsynced;
//   3. only then is it applied to the index, and the call returns.
//
// So a caller that got an answer has its write on stable storage, even if the process is
// `kill -9`ed or the machine loses power right after. On open the index is rebuilt from the
// snapshot plus the log (`DurableStore+Recovery.swift`); when the log grows past a
// threshold, a snapshot replaces it (`DurableStore+Compaction.swift`). After each write
// the store also notes its revision in `acknowledged` (`AcknowledgedRevision`), so that a
// log that later loses its end is noticed rather than opened as a shorter history.
//
// If appending to the log fails, the store cannot know which bytes reached the disk (after
// a failed fsync the kernel may even have dropped the dirty pages), so it stops taking
// writes and says so; reopening replays what is really on disk. Reads keep working, since
// the index holds exactly the acknowledged writes.
//
// The file calls block the actor's thread for as long as an fsync takes (milliseconds).
// That keeps the code plain; a busy server would give the store a thread of its own and
// batch the fsyncs of concurrent writes ("group commit", as etcd does).

import Common
import struct Foundation.Data

/// The API server's durable `KeyValueStore`: a write-ahead log plus snapshots in a directory.
public actor DurableStore: KeyValueStore {
    /// When the log is big enough to be replaced by a snapshot; tests lower these.
    public struct CompactionThresholds: Sendable {
        /// Compact once the log file holds at least this many bytes.
        public var logBytes: Int
        /// Compact once the log holds at least this many records.
        public var logRecords: Int

        /// Thresholds for a test or a small machine.
        public init(logBytes: Int, logRecords: Int) {
            self.logBytes = logBytes
            self.logRecords = logRecords
        }

        /// The defaults from `StorageLimits`.
        public static let standard = CompactionThresholds(
            logBytes: StorageLimits.compactionLogBytes, logRecords: StorageLimits.compactionLogRecords
        )
    }

    /// Whether the store can take writes, and the files it holds in each case.
    enum State {
        /// Serving: appends go to `log`; `lock` keeps other stores out of the directory.
        case open(log: FileDescriptor, lock: FileDescriptor)
        /// A log write failed; reads still work, writes throw `.unavailable(reason)`.
        case failed(reason: String, lock: FileDescriptor)
        /// `close()` was called; every call throws.
        case closed
    }

    // Owned by this actor; only its methods touch these.
    /// The current keyspace: exactly the writes acknowledged so far.
    var index: KeyIndex
    /// The store's files and whether writes are possible.
    var state: State
    /// The size of the log file in bytes, to decide when to compact.
    var logBytes: Int
    /// How many records the log holds, to decide when to compact.
    var logRecords: Int
    /// Where the last acknowledged revision is noted; nil once closed.
    var acknowledged: AcknowledgedRevision?

    let directory: DataDirectory
    let thresholds: CompactionThresholds
    /// Where the store reports opening, recovery and compaction.
    let logger: Logger
    // Stage 3 > group commit: a seam that counts fsyncs, and snapshots written while writes go on
    /// How many times the log has been fsynced since the store opened; tests read it to see
    /// concurrent writes share one (`GroupCommit`).
    package internal(set) var logSyncCount = 0
    /// The snapshot being written beside the writes, if one is (`startSnapshot()`).
    var snapshotInProgress: SnapshotInProgress?
    /// True while appends go to `log.next`: from the start of such a snapshot until its end.
    var appendsGoToNextSegment = false
    /// Called by a snapshot's thread at each step, when a test asked (`pauseSnapshots`).
    var snapshotPause: (@Sendable (SnapshotStep) -> Void)?
    // Stage 3 <

    /// Opens the store in `directory` (creating it if needed), recovering its state from disk.
    ///
    /// Called once by the API server at start-up. Throws `.locked` if another store has the
    /// directory open and `.corrupted` if a file is damaged where a crash could not have
    /// damaged it; a torn last record is dropped with a warning.
    public init(directory path: String, thresholds: CompactionThresholds = .standard, logger: Logger) throws(StorageError) {
        let directory = DataDirectory(path: path)
        let lock = try directory.lock()
        let recovered: Recovered
        let acknowledged: AcknowledgedRevision
        do throws(StorageError) {
            recovered = try Self.recover(directory, logger: logger)
            do throws(StorageError) {
                acknowledged = try AcknowledgedRevision.open(directory.acknowledgedPath, at: recovered.index.revision)
            } catch {
                recovered.log.close()
                throw error
            }
        } catch {
            lock.close()
            throw error
        }
        self.acknowledged = acknowledged
        self.directory = directory
        self.thresholds = thresholds
        self.logger = logger
        self.index = recovered.index
        self.logBytes = recovered.logBytes
        self.logRecords = recovered.logRecords
        self.state = .open(log: recovered.log, lock: lock)
    }

    deinit {
        acknowledged?.close()
        switch state {
        case .open(let log, let lock): log.close(); lock.close()
        case .failed(_, let lock): lock.close()
        case .closed: break
        }
    }

    /// Closes the files and releases the directory; every later call throws `.unavailable`.
    public func close() {
        // Stage 3 > a snapshot being written beside the writes finishes before the directory is let go
        abandonSnapshot()
        // Stage 3 <
        switch state {
        case .open(let log, let lock): log.close(); lock.close()
        case .failed(_, let lock): lock.close()
        case .closed: return
        }
        acknowledged?.close()
        acknowledged = nil
        state = .closed
        logger.info("closed store", ["dir": directory.path, "revision": index.revision])
    }

    // MARK: KeyValueStore

    /// See `KeyValueStore.get`.
    public func get(_ key: String) throws(StorageError) -> StoredValue? {
        try checkReadable()
        return index.value(at: key)
    }

    /// See `KeyValueStore.list(prefix:)`.
    public func list(prefix: String) throws(StorageError) -> (items: [StoredValue], revision: Int64) {
        try checkReadable()
        return (index.values(withPrefix: prefix), index.revision)
    }

    /// See `KeyValueStore.create(_:value:)`.
    public func create(_ key: String, value: Data) throws(StorageError) -> Int64 {
        let change = try index.changeCreating(key, value: value)
        try commit(change)
        return change.revision
    }

    /// See `KeyValueStore.update(_:value:expectedModRevision:)`.
    public func update(_ key: String, value: Data, expectedModRevision: Int64?) throws(StorageError) -> Int64 {
        let change = try index.changeUpdating(key, value: value, expectedModRevision: expectedModRevision)
        try commit(change)
        return change.revision
    }

    /// See `KeyValueStore.delete(_:expectedModRevision:)`.
    public func delete(_ key: String, expectedModRevision: Int64?) throws(StorageError) -> (deleted: StoredValue, revision: Int64) {
        let (change, deleted) = try index.changeDeleting(key, expectedModRevision: expectedModRevision)
        try commit(change)
        return (deleted, change.revision)
    }

    /// See `KeyValueStore.currentRevision`.
    public var currentRevision: Int64 { index.revision }

    // MARK: The write path

    /// Makes `change` durable, then applies it; compacts afterwards when the log is big.
    private func commit(_ change: Change) throws(StorageError) {
        guard case .open(let log, let lock) = state else { throw unavailableError }
        let frame = RecordFrame.seal(.change(change))
        do throws(StorageError) {
            try log.writeAll(frame)
            try log.synchronize()
            // Stage 3 > every fsync of the log is counted, for group commit's tests
            logSyncCount += 1
            // Stage 3 <
        } catch {
            refuseWrites(after: error, log: log, lock: lock)
            throw error
        }
        index.apply(change)
        noteAcknowledged()
        logBytes += frame.count
        logRecords += 1
        if logBytes >= thresholds.logBytes || logRecords >= thresholds.logRecords {
            compactAfterWrite()
        }
    }

    /// After a failed append: cuts off a partial record (best effort, so that the file does
    /// not end in one a later append would bury in the middle; the reopen decides what
    /// survived) and refuses every write until the store is reopened.
    private func refuseWrites(after error: StorageError, log: FileDescriptor, lock: FileDescriptor) {
        try? log.truncate(to: logBytes)
        log.close()
        state = .failed(reason: "log write failed: \(error)", lock: lock)
        logger.error("log write failed, refusing writes until the store is reopened", ["error": error])
    }

    /// Notes the revision just made durable in `acknowledged`. A failure to note it only
    /// makes a later check less sharp (the note lags), so it is logged, never thrown.
    private func noteAcknowledged() {
        do throws(StorageError) {
            try acknowledged?.record(index.revision)
        } catch {
            logger.warning("could not note the acknowledged revision", ["error": error])
        }
    }

    /// Throws unless the store is open or failed (whose index is still right for reads).
    private func checkReadable() throws(StorageError) {
        if case .closed = state { throw unavailableError }
    }

    /// The error for a call the current state cannot serve.
    var unavailableError: StorageError {
        switch state {
        case .open: .unavailable(reason: "open")  // never thrown: callers check first
        case .failed(let reason, _): .unavailable(reason: reason)
        case .closed: .unavailable(reason: "the store is closed")
        }
    }
}

// Stage 3 > the store reports its commits to one observer, stage 3's watchable store
extension DurableStore: CommitObservable {
    /// See `CommitObservable.observeCommits(_:)`.
    public func observeCommits(_ makeObserver: @Sendable (Int64) -> CommitObserver) {
        index.observer = makeObserver(index.revision)
    }
}
// Stage 3 <

// Stage 3 > group commit: a batch of writes, checked in order, made durable by one append and one fsync
extension DurableStore {
    /// Commits `writes` in order as if each were called alone, but with one fsync for all:
    /// each is checked against the keyspace as the writes before it leave it, every one that
    /// passes goes into a single append and fsync, and only then are they applied (telling
    /// the commit observer, in revision order). Returns each write's outcome, in order.
    ///
    /// Called by stage 3's `GroupCommitStore`, which queues the writes that arrive while a
    /// batch is being made durable. If the append fails, every write of the batch fails
    /// with it (what the refused ones were checked against never reached the disk either).
    package func commit(batch writes: [BatchedWrite]) -> [Result<BatchedWrite.Outcome, StorageError>] {
        guard case .open(let log, let lock) = state else { return writes.map { _ in .failure(unavailableError) } }
        var outcomes: [Result<BatchedWrite.Outcome, StorageError>] = []
        var changes: [Change] = []
        var frames: [UInt8] = []
        var written: [[UInt8]: StoredValue?] = [:]  // the batch's own writes so far, by key bytes
        var revision = index.revision
        for write in writes {
            let keyBytes = Array(write.key.utf8)
            let current = written[keyBytes] ?? index.value(at: write.key)
            do throws(StorageError) {
                let (change, deleted) = try write.change(current: current, revision: revision)
                if case .put(let value) = change { written[keyBytes] = .some(value) } else { written[keyBytes] = .some(nil) }
                revision = change.revision
                changes.append(change)
                frames += RecordFrame.seal(.change(change))
                outcomes.append(.success(.init(revision: change.revision, deleted: deleted)))
            } catch {
                outcomes.append(.failure(error))
            }
        }
        guard !changes.isEmpty else { return outcomes }
        do throws(StorageError) {
            try log.writeAll(frames)
            try log.synchronize()
            logSyncCount += 1
        } catch {
            refuseWrites(after: error, log: log, lock: lock)
            return writes.map { _ in .failure(error) }
        }
        for change in changes { index.apply(change) }
        noteAcknowledged()
        logBytes += frames.count
        logRecords += changes.count
        if logBytes >= thresholds.logBytes || logRecords >= thresholds.logRecords {
            startSnapshot()
        }
        return outcomes
    }
}
// Stage 3 <
