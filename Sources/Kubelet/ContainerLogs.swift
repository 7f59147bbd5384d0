// Stage 1 · Kubelet: reading a container's log, whole, tailed, or followed.
//
// The runtime writes everything a container prints to a log file, one per attempt, in
// the pod's log directory (`<root>/logs/<ns>_<pod>_<uid>/<container>/<attempt>.log`,
// as Kubernetes' `/var/log/pods/…`), one CRI entry a line: the time, the stream, a tag
// (`F` full line, `P` part of a longer one) and the text (`ContainerLogWriter` in the
// process runtime). `kubectl logs` reads the current attempt's file; `--previous` the one
// before; `--tail N` the last N lines; `-f` follows the file, sending each new line as it
// appears, until the container stops or the client leaves. The entries are turned back
// into what the container printed by `ContainerLogs.render` (`ContainerLogs+Render.swift`),
// which also applies `--timestamps`, `--since`, `--since-time` and `--limit-bytes`.

import Foundation

/// Where a container's log is, and whether more may still be written to it.
struct ContainerLogLocation: Sendable {
    /// The log file of the attempt asked for.
    var path: String
    /// True while that attempt is running, so following it makes sense.
    var isRunning: Bool
}

/// Reads container log files.
enum ContainerLogs {
    /// The log's bytes (or only its last `tailLines` lines), and the offset where it ended.
    ///
    /// A follower continues from that offset, so no line is lost or sent twice.
    static func read(_ path: String, tailLines: Int?) -> (bytes: [UInt8], end: UInt64) {
        guard let data = FileManager.default.contents(atPath: path) else { return ([], 0) }
        let bytes = [UInt8](data)
        return (tailLines.map { tail(bytes, lines: $0) } ?? bytes, UInt64(bytes.count))
    }

    /// The last `lines` lines of `bytes`; a last line without a newline counts as a line.
    static func tail(_ bytes: [UInt8], lines: Int) -> [UInt8] {
        guard lines > 0 else { return [] }
        var newlines = 0
        var index = bytes.endIndex
        // Skip the final newline, so "a\nb\n" has two lines, not three.
        if index > bytes.startIndex && bytes[index - 1] == 0x0A { index -= 1 }
        while index > bytes.startIndex {
            if bytes[index - 1] == 0x0A {
                newlines += 1
                if newlines == lines { break }
            }
            index -= 1
        }
        return Array(bytes[index...])
    }

    /// The whole lines appended to `path` since `offset`, and the offset after them; a
    /// line still being written is left for the next read.
    static func readNew(_ path: String, from offset: UInt64) -> (bytes: [UInt8], offset: UInt64) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return ([], offset) }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: offset)) != nil,
              let data = try? handle.readToEnd(), !data.isEmpty else { return ([], offset) }
        let bytes = [UInt8](data)
        guard let lastNewline = bytes.lastIndex(of: 0x0A) else { return ([], offset) }
        return (Array(bytes[...lastNewline]), offset + UInt64(lastNewline + 1))
    }
}

extension PodWorker {
    /// Where container `name`'s log is: the current attempt's, or with `previous` the one before.
    func logLocation(container name: String, previous: Bool) -> ContainerLogLocation? {
        guard let record = containers[name] else { return nil }
        if previous {
            return record.previous.map { ContainerLogLocation(path: $0.logPath, isRunning: false) }
        }
        return ContainerLogLocation(path: record.status.logPath, isRunning: record.status.state == .running)
    }

    /// True while container `name`'s attempt with log `path` is still running.
    func isWritingLog(container name: String, path: String) -> Bool {
        guard let record = containers[name] else { return false }
        return record.status.logPath == path && record.status.state == .running && state == .syncing
    }
}
