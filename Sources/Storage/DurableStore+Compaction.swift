// Stage 2 · Storage: replacing a long log with a snapshot, safely at every step.
//
// The log grows by one record a write; replaying it all on every start would grow too.
// Compaction at revision R (the current revision) does, in order:
//
//   1. install `snapshot`: every live key plus an end record saying R (write
//      `snapshot.tmp`, fsync, rename, fsync the directory);
//   2. install a fresh, empty `log` the same way, and append to it from now on.
//
// A crash before 1's rename leaves the old snapshot and the full log: as before. A crash
// between 1 and 2 leaves the new snapshot and the old log, all of whose records are ≤ R
// and are skipped on replay. After 2, the new snapshot and an empty log. Every point reads
// back the same keyspace at the same revision.
//
// This is snapshot-and-truncate, as etcd's raft log does; unlike etcd's MVCC compaction it
// keeps no history of old revisions, since nothing in stage 2 reads the past (stage 3's
// watch will keep a window of recent changes in memory).

// Stage 3 > a snapshot written on a thread of its own
import class Foundation.Thread
import Dispatch
// Stage 3 <

extension DurableStore {
    /// Writes a snapshot of the current keyspace and starts an empty log.
    ///
    /// Runs by itself when the log passes the `CompactionThresholds`; callable directly by a
    /// test or an operator's command. If installing the fresh log fails, the store can no
    /// longer be sure where appends land, so it stops taking writes.
    public func compact() throws(StorageError) {
        guard case .open(let oldLog, let lock) = state else { throw unavailableError }
        // Stage 3 > while a snapshot is written beside the writes, or its segments not yet folded, it is the one
        guard snapshotInProgress == nil, !appendsGoToNextSegment else {
            logger.info("compaction skipped: a snapshot beside the writes is under way")
            return
        }
        // Stage 3 <

        var snapshot = DataDirectory.snapshotMagic
        for value in index.values(withPrefix: "") {
            snapshot += RecordFrame.seal(.change(.put(value)))
        }
        snapshot += RecordFrame.seal(.snapshotEnd(revision: index.revision, entryCount: Int64(index.count)))
        // Step 1: if this throws, the old snapshot and the whole log are still in place.
        try directory.install(snapshot, at: directory.snapshotPath).close()

        // Step 2.
        let freshLog: FileDescriptor
        do throws(StorageError) {
            freshLog = try directory.install(DataDirectory.logHeader(startingAt: index.revision + 1), at: directory.logPath)
        } catch {
            oldLog.close()
            state = .failed(reason: "installing a fresh log failed: \(error)", lock: lock)
            logger.error("compaction failed, refusing writes until the store is reopened", ["error": error])
            throw error
        }
        oldLog.close()
        state = .open(log: freshLog, lock: lock)
        logger.info("compacted the log into a snapshot", [
            "revision": index.revision, "keys": index.count, "logRecords": logRecords, "logBytes": logBytes,
        ])
        logBytes = DataDirectory.logHeader(startingAt: index.revision + 1).count
        logRecords = 0
    }

    /// Compacts after a write that pushed the log past a threshold. The write itself is
    /// already durable, so a failure here is reported but not thrown to its caller.
    func compactAfterWrite() {
        do throws(StorageError) {
            try compact()
        } catch {
            logger.warning("compaction failed", ["error": error])
        }
    }
}

// Stage 3 > snapshots that do not stop writes: written from a copy of the state while appends go to a second segment
extension DurableStore {
    /// A snapshot being written on its own thread, from a copy of the keyspace.
    struct SnapshotInProgress {
        /// The revision of the copy.
        let revision: Int64
        /// The log the appends left; closed once the snapshot makes it unneeded.
        let previousLog: FileDescriptor?
        /// Signalled by the snapshot's thread once the snapshot is installed (or failed), for
        /// `close()` to wait on.
        let written: DispatchSemaphore
    }

    /// Starts a snapshot of the keyspace as it is now, written while writes go on; stage 3's
    /// group commit calls it instead of `compact()` when the log passes the thresholds.
    ///
    ///   1. (here, quickly) appends switch to a new, empty segment, `log.next`, and the
    ///      keyspace is copied (a copy-on-write value: the first write after this copies
    ///      the index's tables in memory once, far quicker than writing them to disk);
    ///   2. (on a thread of its own) the copy is installed as `snapshot`, like `compact()`'s;
    ///   3. (`finishSnapshot`) `log.next` is renamed over `log`.
    ///
    /// A crash before 2's rename leaves the old snapshot, `log` and `log.next`: recovery
    /// replays both segments. After it, the new snapshot and both: `log`'s records are all
    /// in the snapshot and skipped. After 3, the new snapshot and the new `log`. If the
    /// snapshot fails, appends stay on `log.next` and the next snapshot tries again.
    func startSnapshot() {
        guard snapshotInProgress == nil, case .open(let log, let lock) = state else { return }
        var previousLog: FileDescriptor?
        if !appendsGoToNextSegment {
            do throws(StorageError) {
                let header = DataDirectory.logHeader(startingAt: index.revision + 1)
                let segment = try directory.install(header, at: directory.nextLogPath)
                state = .open(log: segment, lock: lock)
                previousLog = log
                appendsGoToNextSegment = true
                logBytes = header.count
                logRecords = 0
            } catch {
                logger.warning("could not start a second log segment; will try again", ["error": error])
                return
            }
        }
        var unobserved = index
        unobserved.observer = nil
        let copy = unobserved
        let job = SnapshotInProgress(revision: copy.revision, previousLog: previousLog, written: DispatchSemaphore(value: 0))
        snapshotInProgress = job
        let directory = self.directory
        let pause = snapshotPause
        Thread {
            pause?(.beforeInstalling)
            let result = Result { () throws(StorageError) in
                try directory.install(Self.snapshotBytes(of: copy), at: directory.snapshotPath).close()
            }
            pause?(.afterInstalling)
            job.written.signal()
            Task { await self.finishSnapshot(result) }
        }.start()
    }

    /// Step 3, once the snapshot's thread is done: the second segment becomes `log`.
    private func finishSnapshot(_ result: Result<Void, StorageError>) {
        // After `close()` (which ended the job) the directory is no longer ours to rename in.
        guard let job = snapshotInProgress, case .open = state else { return }
        snapshotInProgress = nil
        do throws(StorageError) {
            try result.get()
            // The segment was installed whole; renaming it keeps its open descriptor appending.
            try FileDescriptor.rename(directory.nextLogPath, to: directory.logPath)
            try FileDescriptor.synchronizeDirectory(directory.path)
            appendsGoToNextSegment = false
            job.previousLog?.close()
            logger.info("wrote a snapshot beside the writes", ["revision": job.revision, "keys": index.count])
        } catch {
            // Nothing is lost: both segments are still in place, and recovery replays them.
            job.previousLog?.close()
            logger.warning("snapshot failed; appends stay on the second segment until one succeeds", ["error": error])
        }
    }

    /// Where a test may stop a snapshot's thread, to look at the files a crash there leaves.
    enum SnapshotStep: Sendable {
        case beforeInstalling, afterInstalling
    }

    /// Has every later snapshot's thread call `pause` at each `SnapshotStep` (tests block in it).
    func pauseSnapshots(_ pause: @escaping @Sendable (SnapshotStep) -> Void) {
        snapshotPause = pause
    }

    /// Whether a snapshot is being written beside the writes now, for tests.
    var isSnapshotting: Bool { snapshotInProgress != nil }

    /// Blocks until a snapshot being written is installed, and leaves the files as they are
    /// (recovery folds the segments); `close()` calls it, so that no thread still writes in a
    /// directory another store may open next.
    func abandonSnapshot() {
        guard let job = snapshotInProgress else { return }
        job.written.wait()
        job.previousLog?.close()
        snapshotInProgress = nil
    }

    /// The bytes of a snapshot of `index`: what `compact()` writes, from a copy.
    static func snapshotBytes(of index: KeyIndex) -> [UInt8] {
        var snapshot = DataDirectory.snapshotMagic
        for value in index.values(withPrefix: "") {
            snapshot += RecordFrame.seal(.change(.put(value)))
        }
        snapshot += RecordFrame.seal(.snapshotEnd(revision: index.revision, entryCount: Int64(index.count)))
        return snapshot
    }
}
// Stage 3 <
