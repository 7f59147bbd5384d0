// Stage 2 · Storage: every way a store call can fail.
//
// The first group are answers about the keyspace, which the API server turns into
// Kubernetes `Status` errors (404 NotFound, 409 AlreadyExists, 409 Conflict, 413). The
// second group are failures of the store itself: damaged files, a directory another
// process holds, an I/O error. Those become 500s, and the message names the file so an
// operator can act on it.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a store call failed; the API server maps each case to a Kubernetes `Status`.
public enum StorageError: Error, Equatable, CustomStringConvertible {
    /// The key does not exist (update, delete).
    case notFound(key: String)
    /// The key exists already (create).
    case alreadyExists(key: String)
    /// The caller's expected `modRevision` is stale; `current` is what the key holds now,
    /// so a retrying caller need not read it again (Kubernetes' etcd3 store asks etcd for
    /// the same thing in the `Else` branch of its transaction).
    case conflict(key: String, current: StoredValue)
    /// The key is empty; etcd refuses those too.
    case emptyKey
    /// Key and value together exceed `StorageLimits.maximumEntryBytes`.
    case tooLarge(key: String, bytes: Int, limit: Int)
    /// A file in the data directory is damaged where no crash could have damaged it.
    case corrupted(file: String, offset: Int, reason: String)
    /// The files of the data directory do not reach as far as the store did: revisions
    /// between the snapshot and the log, or after the log's end, are gone (`reason` says
    /// which and how many). Opening would serve an older state and hand out its revisions
    /// again, so the store refuses.
    case incomplete(directory: String, reason: String)
    /// Another store (in this process or another) has the data directory open.
    case locked(directory: String)
    /// A system call failed.
    case io(operation: String, path: String, errno: Int32)
    /// The store was closed, or stopped accepting writes after an I/O failure left it
    /// unsure what is on disk; reopening it replays the files and recovers.
    case unavailable(reason: String)

    /// A sentence for logs and for the message of the API server's `Status`.
    public var description: String {
        switch self {
        case .notFound(let key): "key \(key) not found"
        case .alreadyExists(let key): "key \(key) already exists"
        case .conflict(let key, let current):
            "key \(key) was modified: the current modRevision is \(current.modRevision)"
        case .emptyKey: "the key is empty"
        case .tooLarge(let key, let bytes, let limit): "entry \(key) is \(bytes) bytes, over the limit of \(limit)"
        case .corrupted(let file, let offset, let reason):
            "storage file \(file) is corrupt at offset \(offset): \(reason); refusing to open it"
        case .incomplete(let directory, let reason):
            "data directory \(directory) is missing acknowledged writes: \(reason); refusing to open it"
        case .locked(let directory): "data directory \(directory) is in use by another store"
        case .io(let operation, let path, let errno):
            "\(operation) \(path) failed: \(String(cString: strerror(errno))) (errno \(errno))"
        case .unavailable(let reason): "store unavailable: \(reason)"
        }
    }
}
