// Stage 1 · ProcessRuntime: writing a container's output to its log file, a timestamp a line.
//
// A container does not write its log file itself. Its stdout and stderr are two pipes,
// and the runtime (containerd's shim, here a thread per stream) reads them and appends
// each line to the file in the CRI log format the kubelet reads:
//
//   2016-10-06T00:17:09.669794202Z stdout F hello
//   └ when it was read (UTC, ns) ┘ └stream┘└tag┘└ the line, without its newline
//
// The tag is `F` for a full line, `P` for a piece of one longer than
// `Limits.logLineLimit` (the rest follows in further entries). Keeping the time of each
// line is what lets `kubectl logs --timestamps`, `--since` and `--since-time` work.
//
// Each reader is a plain thread doing blocking reads, not a task: a read waits for as long
// as the container is silent, and must not hold one of the concurrency runtime's few
// threads. A thread ends when its pipe reaches end of file, which happens when every
// process of the container that held the pipe has exited. Each entry is written whole
// under the file's lock, so the two streams' entries never interleave within a line, and
// the file rotates when it reaches its size (`RotatingLogFile`, `ContainerLogRotation`),
// between two entries.

import CRI
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copies a container's stdout and stderr into its CRI-format log file; one per started
/// container, kept by the runtime until the container has exited.
final class ContainerLogWriter: Sendable {
    /// The write ends, for the container's stdout and stderr; the runtime closes them once
    /// the container has started (or failed to), so that end of file means the container is done.
    let stdout: Int32
    let stderr: Int32
    /// Left by each copying thread when it is done.
    private let finished: DispatchGroup

    private init(stdout: Int32, stderr: Int32, finished: DispatchGroup) {
        self.stdout = stdout
        self.stderr = stderr
        self.finished = finished
    }

    /// Opens `logPath` and two pipes, and starts a copying thread for each.
    static func start(logPath: String, rotation: ContainerLogRotation = ContainerLogRotation()) throws -> ContainerLogWriter {
        let file = try RotatingLogFile(path: logPath, rotation: rotation)
        var out: [Int32] = [0, 0], err: [Int32] = [0, 0]
        guard pipe(&out) == 0 else {
            file.finish()
            throw RuntimeError.internalError("pipe: \(String(cString: strerror(errno)))")
        }
        guard pipe(&err) == 0 else {
            close(out[0]); close(out[1]); file.finish()
            throw RuntimeError.internalError("pipe: \(String(cString: strerror(errno)))")
        }
        // No other child may inherit these; the container gets its ends through dup2.
        for descriptor in out + err { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        let finished = DispatchGroup()
        finished.enter()
        finished.enter()
        // The file is shared by both threads: the last one to finish closes it.
        finished.notify(queue: .global()) { file.finish() }
        for (readEnd, stream) in [(out[0], "stdout"), (err[0], "stderr")] {
            let thread = Thread {
                copy(from: readEnd, stream: stream, to: file)
                close(readEnd)
                finished.leave()
            }
            thread.name = "log-\(stream)"
            thread.start()
        }
        return ContainerLogWriter(stdout: out[1], stderr: err[1], finished: finished)
    }

    /// Waits, up to `timeout`, until both threads have written everything the container
    /// printed: a reader of the log right after the exit then finds its last lines.
    func waitUntilDone(timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        _ = finished.wait(timeout: .now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)))
    }

    /// Reads `source` until end of file, appending each line to `file` as a CRI entry.
    static func copy(from source: Int32, stream: String, to file: RotatingLogFile) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            pending += buffer[0..<count]
            while let newline = pending.firstIndex(of: 0x0A) {
                file.append(entry(stream: stream, tag: "F", line: pending[..<newline]))
                pending.removeSubrange(...newline)
            }
            while pending.count >= ProcessRuntime.Limits.logLineLimit {
                file.append(entry(stream: stream, tag: "P", line: pending[..<ProcessRuntime.Limits.logLineLimit]))
                pending.removeFirst(ProcessRuntime.Limits.logLineLimit)
            }
        }
        // A last line without a newline is still a whole line, as containerd writes it.
        if !pending.isEmpty { file.append(entry(stream: stream, tag: "F", line: pending[...])) }
    }

    /// One CRI log entry: the time now, the stream, the tag, the line, a newline.
    static func entry(stream: String, tag: String, line: ArraySlice<UInt8>, now: timespec = currentTime()) -> [UInt8] {
        Array("\(timestamp(now)) \(stream) \(tag) ".utf8) + line + [0x0A]
    }

    /// The wall-clock time, to the nanosecond.
    static func currentTime() -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now
    }

    /// `time` as RFC 3339 in UTC with exactly nine fractional digits, the CRI log's format.
    static func timestamp(_ time: timespec) -> String {
        var seconds = time_t(time.tv_sec)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let nanoseconds = String(Int(time.tv_nsec))
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
            + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))"
            + "." + String(repeating: "0", count: 9 - nanoseconds.count) + nanoseconds + "Z"
    }
}
