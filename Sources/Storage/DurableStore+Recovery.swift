// Stage 2 · Storage: rebuilding the keyspace from the data directory when a store opens.
//
// Recovery, in order:
//
//   1. Remove `*.tmp` files: a crash interrupted writing them, and none was renamed into
//      place, so nothing in them was ever acknowledged.
//   2. A directory with neither snapshot nor log is a new store: install an empty log
//      (starting at revision 2), then an empty snapshot at revision 1. From then on there
//      is always a snapshot, so a log that goes missing is noticed, never taken for a
//      new store that would hand out revision 2 again.
//   3. Load `snapshot`: every live key at revision R. Any damage is refused (snapshots are
//      installed whole), and so is a snapshot without its end record.
//   4. Read `log` (`LogSegment` checks its start record and that its revisions follow one
//      another) and replay it. It must start at most at R + 1: a crash between installing
//      a snapshot and installing the fresh log leaves the old log behind, which starts
//      earlier, and its records up to R are skipped. A log that starts later, or none at
//      all, means acknowledged revisions are gone, and the store refuses to open.
//   5. Compare how far snapshot and log reach with `acknowledged`, the last revision the
//      store answered a write for (`AcknowledgedRevision`): short of it, the log lost its
//      end, and the store refuses, saying how many writes are gone.
//   6. A torn last record (see `RecordScan`) is cut off, with a warning saying what was
//      dropped, and the cut is fsynced before anything new is appended after it.
//
// The revision counter needs no file of its own: it is the snapshot's R or the last
// replayed record's revision, whichever is later, so revisions survive restarts. What
// recovery cannot notice, and why, is in `AcknowledgedRevision.swift`.

import Common
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DurableStore {
    /// What opening found: the keyspace and the log, ready for appending.
    struct Recovered {
        var index: KeyIndex
        var log: FileDescriptor
        var logBytes: Int
        var logRecords: Int
    }

    /// Reads the data directory into a `Recovered`; the caller holds the directory's lock.
    static func recover(_ directory: DataDirectory, logger: Logger) throws(StorageError) -> Recovered {
        try directory.removeLeftovers()
        let acknowledged = try AcknowledgedRevision.read(directory.acknowledgedPath)
        let snapshot = try FileDescriptor.contents(of: directory.snapshotPath)
        guard let bytes = try FileDescriptor.contents(of: directory.logPath) else {
            if let snapshot {
                let index = try loadSnapshot(snapshot, file: directory.snapshotPath)
                throw .incomplete(directory: directory.path, reason:
                    "the log is missing; the snapshot holds the writes up to revision \(index.revision)"
                    + writesAfter(index.revision, acknowledged) + "; restore the log from a backup")
            }
            if case .revision(let reached) = acknowledged, reached > StorageLimits.initialRevision {
                throw .incomplete(directory: directory.path, reason:
                    "there is neither a snapshot nor a log, but the store had acknowledged writes up to revision \(reached)")
            }
            return try createFiles(directory, logger: logger)
        }
        var index = try snapshot.map { (bytes) throws(StorageError) in try loadSnapshot(bytes, file: directory.snapshotPath) } ?? KeyIndex()
        let log = try LogSegment(bytes, file: directory.logPath)
        try log.replay(onto: &index, after: snapshot == nil ? "with no snapshot, the store" : "the snapshot", directory: directory.path)

        // Stage 3 > a snapshot written beside the writes may leave a second segment: replay it too, then fold both away
        if let segment = try FileDescriptor.contents(of: directory.nextLogPath) {
            return try foldSegments(index, segment, directory, acknowledged: acknowledged, logger: logger)
        }
        // Stage 3 <

        try check(index, reaches: acknowledged, directory, logger: logger)
        let file = try FileDescriptor.open(directory.logPath, flags: O_WRONLY | O_APPEND)
        if log.scan.tornTail != nil {
            do throws(StorageError) {
                try file.truncate(to: log.scan.intactLength)
                try file.synchronize()
            } catch {
                file.close()
                throw error
            }
            warnOfTornTail(log, fileBytes: bytes.count, acknowledged: acknowledged, logger: logger)
        }
        logger.info("opened store", [
            "dir": directory.path, "revision": index.revision, "keys": index.count, "logRecords": log.changes.count,
        ])
        return Recovered(index: index, log: file, logBytes: log.scan.intactLength, logRecords: log.changes.count)
    }

    /// Step 2: the files of a new store. The log goes first, so that a crash between the two
    /// leaves a log starting at revision 2 without a snapshot, which opens as a new store.
    private static func createFiles(_ directory: DataDirectory, logger: Logger) throws(StorageError) -> Recovered {
        let empty = KeyIndex()
        let header = DataDirectory.logHeader(startingAt: empty.revision + 1)
        let log = try directory.install(header, at: directory.logPath)
        do throws(StorageError) {
            try directory.install(snapshotBytes(of: empty), at: directory.snapshotPath).close()
        } catch {
            log.close()
            throw error
        }
        logger.info("opened store", ["dir": directory.path, "revision": empty.revision, "keys": 0, "log": "new"])
        return Recovered(index: empty, log: log, logBytes: header.count, logRecords: 0)
    }

    /// Step 5: refuses when the store had acknowledged a revision the files do not reach.
    static func check(
        _ index: KeyIndex, reaches acknowledged: AcknowledgedRevision.Reading, _ directory: DataDirectory, logger: Logger
    ) throws(StorageError) {
        switch acknowledged {
        case .revision(let reached) where reached > index.revision:
            let missing = reached - index.revision
            throw .incomplete(directory: directory.path, reason:
                "the store acknowledged writes up to revision \(reached) (\(directory.acknowledgedPath)), "
                + "but the snapshot and the log reach only revision \(index.revision): the last \(missing) acknowledged "
                + "write\(missing == 1 ? " is" : "s are") gone (revisions \(index.revision + 1)…\(reached)), cut from the end of the log; "
                + "to open at revision \(index.revision) anyway, losing them and handing out their revisions again, "
                + "remove \(directory.acknowledgedPath)")
        case .unreadable:
            logger.warning("the acknowledged-revision file does not check; opening without comparing against it", [
                "file": directory.acknowledgedPath,
            ])
        case .revision, .absent:
            break
        }
    }

    /// The part of a message about the writes after `revision`: how many, if `acknowledged` knows.
    private static func writesAfter(_ revision: Int64, _ acknowledged: AcknowledgedRevision.Reading) -> String {
        guard case .revision(let reached) = acknowledged, reached > revision else {
            return ", and any acknowledged after it are gone"
        }
        return ", and the \(reached - revision) acknowledged after it (revisions \(revision + 1)…\(reached)) are gone"
    }

    /// Says exactly what step 6 cut off: the bytes from the torn record's offset to the end,
    /// in which no intact record starts, so at most the one write a crash interrupted; and
    /// whether it had been acknowledged (step 5 has already refused if it had).
    static func warnOfTornTail(
        _ log: LogSegment, fileBytes: Int, acknowledged: AcknowledgedRevision.Reading, logger: Logger
    ) {
        guard let (offset, reason) = log.scan.tornTail else { return }
        let lost: Any = if case .revision = acknowledged { 0 } else { "unknown (no acknowledged file to compare with)" }
        logger.warning("dropped a torn record at the end of the log", [
            "file": log.file, "offset": offset, "bytes": fileBytes - offset, "reason": reason,
            "logEndsAt": log.lastRevision, "acknowledgedWritesLost": lost,
        ])
    }

    /// The keyspace in the snapshot whose bytes are `bytes`.
    private static func loadSnapshot(_ bytes: [UInt8], file: String) throws(StorageError) -> KeyIndex {
        var index = KeyIndex()
        try checkMagic(bytes, DataDirectory.snapshotMagic, file: file)
        let scan = try RecordScan(bytes, from: DataDirectory.snapshotMagic.count, file: file, allowsTornTail: false)
        var puts: Int64 = 0
        for (position, (record, offset)) in scan.records.enumerated() {
            switch record {
            case .change(.put(let value)):
                index.apply(.put(value))
                puts += 1
            case .change(.delete):
                throw .corrupted(file: file, offset: offset, reason: "a delete record inside a snapshot")
            case .logStart:
                throw .corrupted(file: file, offset: offset, reason: "a log's start record inside a snapshot")
            case .snapshotEnd(let revision, let entryCount):
                guard position == scan.records.count - 1, entryCount == puts, Int64(index.count) == puts,
                      revision >= StorageLimits.initialRevision
                else {
                    throw .corrupted(file: file, offset: offset, reason: "the end record does not match the entries before it")
                }
                index.restoreRevision(revision)
                return index
            }
        }
        throw .corrupted(file: file, offset: bytes.count, reason: "the snapshot has no end record")
    }

    /// Refuses a file that does not start with the expected format marker.
    private static func checkMagic(_ bytes: [UInt8], _ magic: [UInt8], file: String) throws(StorageError) {
        guard bytes.starts(with: magic) else {
            throw .corrupted(file: file, offset: 0, reason: "not a store file of this format (expected \(String(decoding: magic, as: UTF8.self)))")
        }
    }
}

// Stage 3 > recovery after a crash while a snapshot was written beside the writes
extension DurableStore {
    /// Replays `log.next` (whose bytes are `segment`) after `log`, then folds both into a
    /// snapshot and an empty log, so the store opens as after any compaction.
    ///
    /// Its records continue `log`'s; a torn last record is dropped, as in `log`. The fold is
    /// safe at every step: a new snapshot with both segments replays to the same state
    /// (every record is at or below its revision), and so does the snapshot with an empty
    /// `log` and the old `log.next`.
    static func foldSegments(
        _ recovered: KeyIndex, _ segment: [UInt8], _ directory: DataDirectory,
        acknowledged: AcknowledgedRevision.Reading, logger: Logger
    ) throws(StorageError) -> Recovered {
        var index = recovered
        let next = try LogSegment(segment, file: directory.nextLogPath)
        // It starts where `log` ended when appends switched to it; later, and `log` lost its end.
        try next.replay(onto: &index, after: "the snapshot and \(directory.logPath)", directory: directory.path)
        try check(index, reaches: acknowledged, directory, logger: logger)
        try directory.install(snapshotBytes(of: index), at: directory.snapshotPath).close()
        let log = try directory.install(DataDirectory.logHeader(startingAt: index.revision + 1), at: directory.logPath)
        do throws(StorageError) {
            try FileDescriptor.remove(directory.nextLogPath)
            try FileDescriptor.synchronizeDirectory(directory.path)
        } catch {
            log.close()
            throw error
        }
        warnOfTornTail(next, fileBytes: segment.count, acknowledged: acknowledged, logger: logger)
        logger.info("opened store", [
            "dir": directory.path, "revision": index.revision, "keys": index.count, "segments": 2, "folded": true,
        ])
        return Recovered(
            index: index, log: log, logBytes: DataDirectory.logHeader(startingAt: index.revision + 1).count, logRecords: 0)
    }
}
// Stage 3 <
