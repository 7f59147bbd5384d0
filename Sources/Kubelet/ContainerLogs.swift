// Stage 1 · Kubelet: reading a container's log, whole, tailed, or followed.
//
// The runtime writes everything a container prints to a log file, one per attempt, in
// the pod's log directory (`<root>/logs/<ns>_<pod>_<uid>/<container>/<attempt>.log`,
// as Kubernetes' `/var/log/pods/…`), one CRI entry a line: the time, the stream, a tag
// (`F` full line, `P` part of a longer one) and the text (`ContainerLogWriter` in the
// process runtime). `kubectl logs` reads the current attempt's file; `--previous` the one
// before; `--tail N` the last N lines; `-f` follows the file, sending each new line as it
// appears, until the container stops or the client leaves. None of these reads the file
// whole: it is read a piece at a time and each piece sent before the next is read
// (`ContainerLogFile`, `ContainerLogCursor`), so a log of any size costs the kubelet one
// piece of memory. The entries are turned back into what the container printed by
// `ContainerLogs.render` (`ContainerLogs+Render.swift`), which also applies
// `--timestamps`, `--since`, `--since-time` and `--limit-bytes`.

import Foundation

/// Where a container's log is, and whether more may still be written to it.
struct ContainerLogLocation: Sendable {
    /// The log file of the attempt asked for.
    var path: String
    /// True while that attempt is running, so following it makes sense.
    var isRunning: Bool
}

/// Reading container log files: the pieces are `ContainerLogFile` and `ContainerLogCursor`,
/// the answer `KubeletServer+ContainerLogs.swift`, the rendering `ContainerLogs+Render.swift`.
enum ContainerLogs {}

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
