// Stage 1 · Test harness: which processes are alive, for "nothing left over" checks.
//
// An end-to-end test ends by asserting that nothing it started is still running.
// Containers are started with a unique marker among the arguments of a process that
// stays alive, and the test asks for live processes whose command line contains it:
//
//     sh -c 'while :; do sleep 1; done' marker-7F3A…     # the marker is the shell's $0
//
// The marker must be in the argv of the long-lived process itself. Two tempting forms
// do not work: `sleep 1000 # marker` (the shell drops the comment before running
// anything) and `sh -c 'exec sleep 3600' marker` (`exec` replaces the shell's argv with
// `sleep 3600`, and the marker vanishes with it).
//
// Check with `eventually`, not once: teardown is asynchronous, and for a moment a child
// a shell has forked but not yet exec'd still carries the shell's argv, marker included.
//
// Linux reads `/proc/<pid>/cmdline`; macOS asks `/bin/ps`. Zombies (exited, not yet
// reaped) count as gone: they run nothing and hold nothing but a table entry.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists live processes by command line; used by tests that check for leftovers.
enum ProcessTable {
    /// One live process: its pid and its command line with arguments joined by spaces.
    struct Entry: Sendable, Equatable, CustomStringConvertible {
        let pid: pid_t
        /// The arguments, joined by single spaces.
        let commandLine: String

        /// "pid 123: sleep 3600", for failure messages.
        var description: String { "pid \(pid): \(commandLine)" }
    }

    /// Live processes (other than this test process) whose command line contains `marker`.
    static func processes(commandLineContaining marker: String) async throws -> [Entry] {
        try await allProcesses().filter { $0.pid != getpid() && $0.commandLine.contains(marker) }
    }

    /// True while `pid` names a running process (not a zombie); used after a kill.
    static func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        #if os(Linux)
        // /proc/<pid>/stat is "pid (command) S …"; the state letter follows the last ')'.
        guard let stat = readFile("/proc/\(pid)/stat"),
              let close = stat.lastIndex(of: UInt8(ascii: ")")),
              stat.index(close, offsetBy: 2) < stat.endIndex
        else { return false }
        return stat[stat.index(close, offsetBy: 2)] != UInt8(ascii: "Z")
        #else
        // On macOS orphans are reaped by launchd at once, so a zombie is short-lived.
        return true
        #endif
    }

    /// Every process with a readable, non-empty command line.
    private static func allProcesses() async throws -> [Entry] {
        #if os(Linux)
        let names = try FileManager.default.contentsOfDirectory(atPath: "/proc")
        return names.compactMap { name -> Entry? in
            guard let pid = pid_t(name), let raw = readFile("/proc/\(name)/cmdline"), !raw.isEmpty else { return nil }
            // Arguments are NUL-terminated; a zombie's command line is empty.
            let arguments = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return Entry(pid: pid, commandLine: arguments.joined(separator: " "))
        }
        #else
        let ps = try StageProcess(executable: URL(fileURLWithPath: "/bin/ps"), arguments: ["-axww", "-o", "pid=,command="])
        defer { ps.cleanupWithoutWaiting() }
        let status = try await ps.waitForExit()
        guard status == 0 else { throw HarnessError("ps failed with status \(status):\n\(ps.outputTail)") }
        try await eventually("ps output to end") { ps.outputIsFinished }
        return ps.lines.compactMap { line -> Entry? in
            let trimmed = line.drop { $0 == " " }
            guard let space = trimmed.firstIndex(of: " "), let pid = pid_t(trimmed[..<space]) else { return nil }
            return Entry(pid: pid, commandLine: String(trimmed[trimmed.index(after: space)...]))
        }
        #endif
    }

    /// The whole content of a (possibly `/proc`) file; `/proc` files report size 0, so read to EOF.
    private static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var content: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { content.append(contentsOf: buffer[..<count]) } else if count < 0 && errno == EINTR { continue } else { break }
        }
        return content
    }
}
