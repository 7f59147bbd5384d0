// Stage 2 · Storage: the few POSIX file calls the store needs, with errors that name the file.
//
// Durability is decided at this level, so the store calls the system directly rather than
// through Foundation: `write` until every byte is handed to the kernel, then `fsync` so the
// kernel hands them to the disk. On macOS `fsync` stops at the drive's volatile cache;
// only `fcntl(F_FULLFSYNC)` asks the drive to flush it, so there `synchronize()` uses that
// (falling back to `fsync` on file systems that do not support it, as SQLite does).
// Renaming a file is durable only once the *directory* is synced too, hence
// `synchronizeDirectory`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file, closed explicitly by its owner; used by `DurableStore` and `DataDirectory`.
struct FileDescriptor: Sendable {
    /// The kernel's descriptor number.
    let raw: Int32
    /// The path it was opened at, for error messages.
    let path: String

    /// Opens `path` with `flags` (close-on-exec is always added, so children the kubelet
    /// starts never inherit the store's files).
    static func open(_ path: String, flags: Int32, mode: mode_t = 0o644) throws(StorageError) -> FileDescriptor {
        let raw = retryingInterrupts { systemOpen(path, flags | O_CLOEXEC, mode) }
        guard raw >= 0 else { throw .io(operation: "open", path: path, errno: errno) }
        return FileDescriptor(raw: raw, path: path)
    }

    /// Writes every byte, looping over short writes.
    func writeAll(_ bytes: [UInt8]) throws(StorageError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                retryingInterrupts { systemWrite(raw, buffer.baseAddress! + written, buffer.count - written) }
            }
            guard result > 0 else { throw .io(operation: "write", path: path, errno: result < 0 ? errno : EIO) }
            written += result
        }
    }

    /// Writes every byte at `offset`, whatever the file position (`pwrite`): for a small
    /// record rewritten in place.
    func writeAll(_ bytes: [UInt8], at offset: Int) throws(StorageError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                retryingInterrupts { pwrite(raw, buffer.baseAddress! + written, buffer.count - written, off_t(offset + written)) }
            }
            guard result > 0 else { throw .io(operation: "pwrite", path: path, errno: result < 0 ? errno : EIO) }
            written += result
        }
    }

    /// Returns once everything written so far is on stable storage.
    func synchronize() throws(StorageError) {
        #if canImport(Darwin)
        if fcntl(raw, F_FULLFSYNC) == 0 { return }
        #endif
        guard retryingInterrupts({ fsync(raw) }) == 0 else { throw .io(operation: "fsync", path: path, errno: errno) }
    }

    /// Cuts the file to `length` bytes.
    func truncate(to length: Int) throws(StorageError) {
        guard retryingInterrupts({ ftruncate(raw, off_t(length)) }) == 0 else {
            throw .io(operation: "truncate", path: path, errno: errno)
        }
    }

    /// Takes an exclusive advisory lock without waiting; false when someone else holds it.
    /// `flock` locks belong to the open file, so a second open in the same process conflicts too.
    func tryLockExclusively() throws(StorageError) -> Bool {
        if flock(raw, LOCK_EX | LOCK_NB) == 0 { return true }
        if errno == EWOULDBLOCK { return false }
        throw .io(operation: "flock", path: path, errno: errno)
    }

    /// Closes the descriptor (which also releases its lock).
    func close() {
        _ = systemClose(raw)
    }

    // MARK: Whole-file and directory operations

    /// The whole contents of `path`, or nil when there is no such file.
    static func contents(of path: String) throws(StorageError) -> [UInt8]? {
        let file: FileDescriptor
        do throws(StorageError) {
            file = try open(path, flags: O_RDONLY)
        } catch {
            if case .io(_, _, let code) = error, code == ENOENT { return nil }
            throw error
        }
        defer { file.close() }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                retryingInterrupts { read(file.raw, buffer.baseAddress!, buffer.count) }
            }
            guard count >= 0 else { throw .io(operation: "read", path: path, errno: errno) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// Syncs a directory, making the renames and creations inside it durable.
    static func synchronizeDirectory(_ path: String) throws(StorageError) {
        let directory = try open(path, flags: O_RDONLY)
        defer { directory.close() }
        try directory.synchronize()
    }

    /// Renames `source` to `destination`, replacing it atomically.
    static func rename(_ source: String, to destination: String) throws(StorageError) {
        guard systemRename(source, destination) == 0 else { throw .io(operation: "rename", path: source, errno: errno) }
    }

    /// Removes `path`; a file that is already gone is not an error.
    static func remove(_ path: String) throws(StorageError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw .io(operation: "unlink", path: path, errno: errno) }
    }

    /// Creates `path` and any missing parents, like `mkdir -p`. Each directory it creates
    /// is made durable by syncing its parent: a data directory that vanished in a power cut
    /// would take every acknowledged write with it.
    static func makeDirectories(_ path: String) throws(StorageError) {
        var parent = path.hasPrefix("/") ? "/" : "."
        for component in path.split(separator: "/") {
            let directory = parent == "/" ? "/" + component : parent + "/" + component
            if mkdir(directory, 0o755) == 0 {
                try synchronizeDirectory(parent)
            } else if errno != EEXIST {
                throw .io(operation: "mkdir", path: directory, errno: errno)
            }
            parent = directory
        }
    }

    /// Repeats a system call that was interrupted by a signal before doing anything.
    private static func retryingInterrupts<Result: BinaryInteger>(_ call: () -> Result) -> Result {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }

    private func retryingInterrupts<Result: BinaryInteger>(_ call: () -> Result) -> Result {
        Self.retryingInterrupts(call)
    }
}

// The C functions, under names that do not collide with this type's methods.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
private func systemRename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }
