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

extension DurableStore {
    /// Writes a snapshot of the current keyspace and starts an empty log.
    ///
    /// Runs by itself when the log passes the `CompactionThresholds`; callable directly by a
    /// test or an operator's command. If installing the fresh log fails, the store can no
    /// longer be sure where appends land, so it stops taking writes.
    public func compact() throws(StorageError) {
        guard case .open(let oldLog, let lock) = state else { throw unavailableError }

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
            freshLog = try directory.install(DataDirectory.logMagic, at: directory.logPath)
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
        logBytes = DataDirectory.logMagic.count
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
