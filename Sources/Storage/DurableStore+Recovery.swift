// Stage 2 · Storage: rebuilding the keyspace from the data directory when a store opens.
//
// Recovery, in order:
//
//   1. Remove `*.tmp` files: a crash interrupted writing them, and none was renamed into
//      place, so nothing in them was ever acknowledged.
//   2. Load `snapshot` if there is one: every live key at revision R. Any damage is refused
//      (snapshots are installed whole), and so is a snapshot without its end record.
//   3. Replay `log`. Records at or below R are skipped: a crash between installing a
//      snapshot and installing the fresh log leaves the old log behind, and everything in it
//      is already in the snapshot. Every later record must carry exactly the next revision;
//      a gap means an acknowledged write went missing, and is refused.
//   4. A torn last record (see `RecordScan`) is cut off, with a warning, and the cut is
//      fsynced before anything new is appended after it.
//
// The revision counter needs no file of its own: it is the snapshot's R or the last
// replayed record's revision, whichever is later, so revisions survive restarts.

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
        var index = try loadSnapshot(directory)
        let snapshotRevision = index.revision

        guard let bytes = try FileDescriptor.contents(of: directory.logPath) else {
            let log = try directory.install(DataDirectory.logMagic, at: directory.logPath)
            logger.info("opened store", ["dir": directory.path, "revision": index.revision, "keys": index.count, "log": "new"])
            return Recovered(index: index, log: log, logBytes: DataDirectory.logMagic.count, logRecords: 0)
        }
        try checkMagic(bytes, DataDirectory.logMagic, file: directory.logPath)
        let scan = try RecordScan(bytes, from: DataDirectory.logMagic.count, file: directory.logPath, allowsTornTail: true)

        var previous = Int64.min
        for (record, offset) in scan.records {
            guard case .change(let change) = record else {
                throw .corrupted(file: directory.logPath, offset: offset, reason: "a snapshot record inside the log")
            }
            guard change.revision > previous else {
                throw .corrupted(file: directory.logPath, offset: offset, reason: "revision \(change.revision) does not increase")
            }
            previous = change.revision
            if change.revision <= snapshotRevision { continue }
            guard change.revision == index.revision + 1 else {
                throw .corrupted(
                    file: directory.logPath, offset: offset,
                    reason: "revision \(change.revision) follows \(index.revision): records are missing"
                )
            }
            index.apply(change)
        }
        // Stage 3 > a snapshot written beside the writes may leave a second segment: replay it too, then fold both away
        if let segment = try FileDescriptor.contents(of: directory.nextLogPath) {
            return try foldSegments(index, segment, directory, snapshotRevision: snapshotRevision, logger: logger)
        }
        // Stage 3 <

        let log = try FileDescriptor.open(directory.logPath, flags: O_WRONLY | O_APPEND)
        if let (offset, reason) = scan.tornTail {
            do throws(StorageError) {
                try log.truncate(to: scan.intactLength)
                try log.synchronize()
            } catch {
                log.close()
                throw error
            }
            logger.warning("dropped a torn record at the end of the log", [
                "file": directory.logPath, "offset": offset, "bytes": bytes.count - offset, "reason": reason,
            ])
        }
        logger.info("opened store", [
            "dir": directory.path, "revision": index.revision, "keys": index.count, "logRecords": scan.records.count,
        ])
        return Recovered(index: index, log: log, logBytes: scan.intactLength, logRecords: scan.records.count)
    }

    /// The keyspace in `snapshot`, or an empty one at the initial revision when there is none.
    private static func loadSnapshot(_ directory: DataDirectory) throws(StorageError) -> KeyIndex {
        var index = KeyIndex()
        let file = directory.snapshotPath
        guard let bytes = try FileDescriptor.contents(of: file) else { return index }
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
        _ recovered: KeyIndex, _ segment: [UInt8], _ directory: DataDirectory, snapshotRevision: Int64, logger: Logger
    ) throws(StorageError) -> Recovered {
        var index = recovered
        let file = directory.nextLogPath
        try checkMagic(segment, DataDirectory.logMagic, file: file)
        let scan = try RecordScan(segment, from: DataDirectory.logMagic.count, file: file, allowsTornTail: true)
        var previous = Int64.min
        for (record, offset) in scan.records {
            guard case .change(let change) = record, change.revision > previous else {
                throw .corrupted(file: file, offset: offset, reason: "not a log record of a revision after the one before it")
            }
            previous = change.revision
            if change.revision <= snapshotRevision { continue }
            guard change.revision == index.revision + 1 else {
                throw .corrupted(file: file, offset: offset, reason: "revision \(change.revision) follows \(index.revision): records are missing")
            }
            index.apply(change)
        }
        try directory.install(snapshotBytes(of: index), at: directory.snapshotPath).close()
        let log = try directory.install(DataDirectory.logMagic, at: directory.logPath)
        do throws(StorageError) {
            try FileDescriptor.remove(file)
            try FileDescriptor.synchronizeDirectory(directory.path)
        } catch {
            log.close()
            throw error
        }
        if let (offset, reason) = scan.tornTail {
            logger.warning("dropped a torn record at the end of the log", [
                "file": file, "offset": offset, "bytes": segment.count - offset, "reason": reason,
            ])
        }
        logger.info("opened store", [
            "dir": directory.path, "revision": index.revision, "keys": index.count, "segments": 2, "folded": true,
        ])
        return Recovered(index: index, log: log, logBytes: DataDirectory.logMagic.count, logRecords: 0)
    }
}
// Stage 3 <
