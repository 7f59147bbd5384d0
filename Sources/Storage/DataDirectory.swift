// Stage 2 · Storage: the files of a store's data directory, and how each is replaced safely.
//
// A data directory holds:
//
//     lock          held with flock while a store has the directory open
//     snapshot      every live key at some revision R (R = 1, empty, for a new store)
//     log           a start record naming the revision its first write carries (R + 1, or
//                   less when a crash left the log a snapshot already holds), then the
//                   writes, one framed record each, appended and fsynced
//     acknowledged  the last revision the store answered a write for (`AcknowledgedRevision`)
// Stage 3 > the files' list names the second segment
//     log.next      (stage 3) the writes after `log`'s, while a snapshot is being written
// Stage 3 <
//     *.tmp         a snapshot or log being written; never read, removed on open
//
// `snapshot` and `log` are only ever *replaced* by `install`: write `name.tmp`, fsync it,
// rename it over `name`, fsync the directory. Rename is atomic, so after a crash either
// the old file or the new one is there, never a mix, and the directory fsync makes the
// rename itself survive a power cut.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Names the files of one data directory and replaces them atomically; owned by `DurableStore`.
struct DataDirectory: Sendable {
    /// The directory's path, as the user gave it.
    let path: String

    /// The first bytes of a log file: its format and version.
    /// (Version 2: the log opens with a `logStart` record. Version 1 had none.)
    static let logMagic: [UInt8] = Array("KSWLOG02".utf8)
    /// The first bytes of a snapshot file: its format and version.
    static let snapshotMagic: [UInt8] = Array("KSWSNP01".utf8)
    /// The suffix of a file being written, before it is renamed into place.
    static let temporarySuffix = ".tmp"

    /// The write-ahead log.
    var logPath: String { path + "/log" }
    /// The latest snapshot.
    var snapshotPath: String { path + "/snapshot" }
    var lockPath: String { path + "/lock" }
    /// The last acknowledged revision, rewritten after each write.
    var acknowledgedPath: String { path + "/acknowledged" }

    /// The first bytes of a log whose first write will carry `firstRevision`: the format
    /// marker and the start record. Every log is installed with them, so a log without its
    /// start record has been damaged.
    static func logHeader(startingAt firstRevision: Int64) -> [UInt8] {
        logMagic + RecordFrame.seal(.logStart(firstRevision: firstRevision))
    }
    // Stage 3 > a snapshot written beside the writes: appends go to a second segment meanwhile
    /// The log segment appends go to while a snapshot is written beside them; renamed over
    /// `log` once the snapshot is installed, replayed after `log` if a crash comes first.
    var nextLogPath: String { path + "/log.next" }
    // Stage 3 <

    /// How long `lock()` keeps trying before it decides another store holds the lock.
    ///
    /// Why try more than once: a process being started elsewhere in this program
    /// (`posix_spawn`) holds a copy of every descriptor, ours included, until its `exec`
    /// closes them. A lock we just released can stay held by that copy for a moment.
    static let lockPatience = 200
    /// The pause between two tries, in microseconds.
    static let lockRetryMicroseconds: UInt32 = 5_000

    /// Creates the directory if needed and locks it; throws `.locked` when another store has it.
    func lock() throws(StorageError) -> FileDescriptor {
        try FileDescriptor.makeDirectories(path)
        let lock = try FileDescriptor.open(lockPath, flags: O_RDWR | O_CREAT)
        do throws(StorageError) {
            var tries = 1
            while try !lock.tryLockExclusively() {
                guard tries < Self.lockPatience else { throw .locked(directory: path) }
                tries += 1
                usleep(Self.lockRetryMicroseconds)
            }
        } catch {
            lock.close()
            throw error
        }
        return lock
    }

    /// Removes files a crash left half-written; they were never renamed into place, so
    /// nothing in them was acknowledged.
    func removeLeftovers() throws(StorageError) {
        try FileDescriptor.remove(logPath + Self.temporarySuffix)
        try FileDescriptor.remove(snapshotPath + Self.temporarySuffix)
        // Stage 3 > the second segment is installed like the others, so it too may leave a half-written file
        try FileDescriptor.remove(nextLogPath + Self.temporarySuffix)
        // Stage 3 <
    }

    /// Atomically replaces the file at `destination` with `contents`, durably, and returns
    /// the new file open for appending (the caller closes it when it does not need it).
    func install(_ contents: [UInt8], at destination: String) throws(StorageError) -> FileDescriptor {
        let temporary = destination + Self.temporarySuffix
        let file = try FileDescriptor.open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC | O_APPEND)
        do throws(StorageError) {
            try file.writeAll(contents)
            try file.synchronize()
            try FileDescriptor.rename(temporary, to: destination)
            try FileDescriptor.synchronizeDirectory(path)
        } catch {
            file.close()
            try? FileDescriptor.remove(temporary)
            throw error
        }
        return file
    }
}
