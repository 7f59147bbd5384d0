// Stage 1 · ProcessRuntime: telling a process apart from a later one with the same pid.
//
// Process ids are reused. A runtime that restarts finds pids in its records, and before it
// sends a signal to one it must know that the pid still names the process it started and not
// some newer, unrelated process. The kernel records when every process started; a pid together
// with that start time names one process for the life of the machine. Linux reports it as field
// 22 of `/proc/<pid>/stat` (clock ticks since boot); macOS as `kp_proc.p_starttime` from the
// `KERN_PROC_PID` sysctl. Both also tell whether the process is a zombie: dead, only waiting
// for its parent to read its exit status, and no longer something to stop.

import CRI
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pid and its start time, which together name one process; the process runtime records it
/// for every container it starts and checks it before signalling after a restart.
struct ProcessIdentity: Sendable, Hashable, Codable {
    /// The process id (also its process group id, since containers lead their own group).
    var pid: Int32
    /// When the process started, in the operating system's own units.
    var startTime: UInt64

    /// What the operating system says about a pid right now.
    struct Observation: Sendable, Hashable {
        /// When the process now holding the pid started.
        var startTime: UInt64
        /// Whether it has died and only waits to be reaped by its parent.
        var isZombie: Bool
    }

    /// The identity of the process now holding `pid`, or nil when there is none.
    static func current(pid: Int32) -> ProcessIdentity? {
        observe(pid: pid).map { ProcessIdentity(pid: pid, startTime: $0.startTime) }
    }

    /// Whether this very process still exists and has not died: false when the pid is free,
    /// reused by another process, or held by this process's zombie.
    var isRunning: Bool {
        guard let now = Self.observe(pid: pid) else { return false }
        return now.startTime == startTime && !now.isZombie
    }

    /// Whether the pid still names this process, dead (zombie) or alive; only then is it safe
    /// to signal its process group or to reap it.
    var isStillPresent: Bool {
        Self.observe(pid: pid)?.startTime == startTime
    }

    /// Reads the start time and zombie state of `pid`, or nil when no process has it.
    static func observe(pid: Int32) -> Observation? {
        #if os(Linux)
        // The second field, the command name, is in parentheses and may contain spaces or
        // parentheses itself, so the remaining fields are counted from the LAST ")".
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state), so field 22 (starttime) is fields[19].
        guard fields.count > 19, let start = UInt64(fields[19]) else { return nil }
        return Observation(startTime: start, isZombie: fields[0] == "Z" || fields[0] == "X")
        #elseif canImport(Darwin)
        var info = kinfo_proc()
        var size = MemoryLayout<kinfo_proc>.stride
        var name: [Int32] = [CTL_KERN, KERN_PROC, KERN_PROC_PID, pid]
        let result = name.withUnsafeMutableBufferPointer { buffer in
            sysctl(buffer.baseAddress, UInt32(buffer.count), &info, &size, nil, 0)
        }
        // For a pid nobody holds, sysctl succeeds and returns nothing.
        guard result == 0, size > 0 else { return nil }
        let start = info.kp_proc.p_un.__p_starttime
        return Observation(
            startTime: UInt64(start.tv_sec) * 1_000_000 + UInt64(start.tv_usec),
            isZombie: Int32(info.kp_proc.p_stat) == SZOMB
        )
        #else
        return nil
        #endif
    }
}
