// Stage 1 · ProcessRuntime: a container's log file, rotated when it reaches its size.
//
// Both of a container's copying threads (stdout and stderr, `ContainerLogWriter`) append
// their entries here. One lock covers an entry's write and a rotation, so an entry is
// never split between two files, and the two streams' entries never interleave:
//
//   1. the next entry would take the file past `maxSize`: rename `0.log` to
//      `0.log.20261201-170405`, open a new `0.log`, close the old one, and remove the
//      oldest rotated files beyond `maxFiles - 1` (`ContainerLogRotation`);
//   2. write the entry to whichever file is current.
//
// A reader that has the old file open keeps reading it to its end (a rename does not
// disturb an open file), then goes on in the new one (the kubelet's `ContainerLogCursor`).
// Two rotations within one second get `.1`, `.2`… after the time, and are kept in that
// order. If the rename or the new file fails (a full disk), the log goes on in the old
// file: a log must never stop the container.

import CRI
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The current file of one container log, appended to by its copying threads.
final class RotatingLogFile: Sendable {
    let path: String
    let rotation: ContainerLogRotation
    /// The wall clock, read to name a rotated file; a test passes its own.
    private let now: @Sendable () -> timespec

    private struct State {
        var descriptor: Int32
        /// Bytes in the current file: what it had when opened, plus every entry since.
        var size: Int
    }
    private let state: Mutex<State>

    /// Opens (or creates) `path` for appending.
    init(path: String, rotation: ContainerLogRotation,
         now: @escaping @Sendable () -> timespec = ContainerLogWriter.currentTime) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw RuntimeError.internalError("cannot open the log file \(path): \(String(cString: strerror(errno)))")
        }
        var status = stat()
        let size = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
        self.path = path
        self.rotation = rotation
        self.now = now
        self.state = Mutex(State(descriptor: descriptor, size: size))
    }

    /// Appends one entry, rotating first if it would take the file past the size; a
    /// failed write (a full disk) drops the entry, as a log must not stop the container.
    func append(_ bytes: [UInt8]) {
        state.withLock { state in
            if rotation.maxSize > 0, state.size > 0, state.size + bytes.count > rotation.maxSize {
                rotate(&state)
            }
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { write(state.descriptor, $0.baseAddress! + offset, $0.count - offset) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { break }
                offset += written
            }
            state.size += offset
        }
    }

    /// Closes the current file; called once both copying threads are done.
    func finish() {
        state.withLock { state in
            _ = close(state.descriptor)
            state.descriptor = -1
        }
    }

    /// Renames the current file aside, starts a new one, and removes the rotated files beyond the limit.
    private func rotate(_ state: inout State) {
        let rotated = rotatedName()
        guard rename(path, rotated) == 0 else { return }
        let fresh = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fresh >= 0 else {
            // Put it back, so that the log goes on where it was; a later entry tries again.
            _ = rename(rotated, path)
            return
        }
        _ = close(state.descriptor)
        state.descriptor = fresh
        state.size = 0
        for old in Self.rotatedFiles(of: path).dropLast(rotation.maxFiles - 1) { unlink(old) }
    }

    /// `<path>.<YYYYMMDD-HHMMSS>` in local time, as Kubernetes' kubelet names a rotated log;
    /// with `.1`, `.2`… when that name is taken.
    private func rotatedName() -> String {
        var seconds = time_t(now().tv_sec)
        var parts = tm()
        localtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let stamp = "\(pad(parts.tm_year + 1900, 4))\(pad(parts.tm_mon + 1, 2))\(pad(parts.tm_mday, 2))"
            + "-\(pad(parts.tm_hour, 2))\(pad(parts.tm_min, 2))\(pad(parts.tm_sec, 2))"
        // One more than the highest count of this second: a freed lower name, if reused,
        // would sort before the files it came after, and be the next one removed.
        let counts = Self.rotatedSuffixes(of: path).filter { $0.stamp == stamp }.map(\.count)
        guard let highest = counts.max() else { return path + "." + stamp }
        return path + "." + stamp + ".\(highest + 1)"
    }

    /// The rotated files of the log at `path`, oldest first: by their time, then their count.
    static func rotatedFiles(of path: String) -> [String] {
        let directory = (path as NSString).deletingLastPathComponent
        return rotatedSuffixes(of: path).sorted { ($0.stamp, $0.count) < ($1.stamp, $1.count) }.map { directory + "/" + $0.name }
    }

    /// The names of the rotated files of `path`, with their time and count (0 for none);
    /// names of another shape are not this log's, and left alone.
    private static func rotatedSuffixes(of path: String) -> [(name: String, stamp: String, count: Int)] {
        let directory = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + "."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name in
            guard name.hasPrefix(prefix) else { return nil }
            let suffix = name.dropFirst(prefix.count)
            let stamp = String(suffix.prefix(ContainerLogRotation.suffixLength))
            guard stamp.count == ContainerLogRotation.suffixLength, stamp.allSatisfy({ $0.isNumber || $0 == "-" }) else { return nil }
            let rest = suffix.dropFirst(ContainerLogRotation.suffixLength)
            if rest.isEmpty { return (name, stamp, 0) }
            guard rest.first == ".", let count = Int(rest.dropFirst()) else { return nil }
            return (name, stamp, count)
        }
    }
}
