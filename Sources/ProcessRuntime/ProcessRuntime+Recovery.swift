// Stage 1 · ProcessRuntime: what a restarted runtime does with an earlier one's containers.
//
// When the kubelet is killed (SIGKILL, a crash), its containers keep running, re-parented to
// init. A new runtime on the same root reads their records, but cannot adopt them: only a
// parent can `waitpid` a process and learn how it ended, so the new runtime could never report
// their exit codes. containerd avoids this with a shim process per container that outlives it;
// the process runtime has none, so it stops them instead, and the kubelet starts them anew.
//
// For each container recorded as running and not started by this runtime: if its pid still
// names the very process that was started (same start time, see `ProcessIdentity`), SIGTERM
// its process group, wait `Limits.recoveryGracePeriod`, then SIGKILL the group. Each is then
// recorded as exited with code 255 and reason "Unknown", as containerd records a container
// whose task vanished while it was down: nobody saw how it ended.

import CRI
import Common
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ProcessRuntime {
    /// Stops the containers an earlier runtime on this root left running, and returns the ids
    /// of those it had to signal; the kubelet calls it once at startup and logs the result.
    public func recoverLeftovers() async -> [String] {
        let leftovers = containers.values.filter { $0.state == .running && !children.contains($0.id) }
        var signalled: [String] = []
        for record in leftovers {
            guard let process = record.process, Self.isAlive(process) else { continue }
            logger.info("stopping container left by an earlier runtime", [
                "name": record.config.metadata.name, "container": record.id.prefix(12), "pid": process.pid,
            ])
            kill(-process.pid, SIGTERM)
            signalled.append(record.id)
        }
        await waitForExit(of: signalled, within: Limits.recoveryGracePeriod)
        for id in signalled {
            if let process = containers[id]?.process, Self.isAlive(process) {
                kill(-process.pid, SIGKILL)
            }
        }
        await waitForExit(of: signalled, within: Limits.killWait)
        for record in leftovers {
            // Re-check after the awaits: another call may have removed or reaped it meanwhile.
            guard var current = containers[record.id], current.state == .running else { continue }
            if let process = current.process, Self.isAlive(process) {
                logger.error("container left by an earlier runtime would not die", ["container": record.id.prefix(12), "pid": process.pid])
                continue
            }
            current.recordExit(exitCode: Limits.unknownExitCode, signal: nil, reason: "Unknown",
                               message: "stopped at runtime startup: an earlier runtime started it, and its exit status cannot be learnt")
            saveLoggingFailure(current)
        }
        return signalled
    }

    /// Waits until none of the containers' processes is alive, or the time is up.
    private func waitForExit(of ids: [String], within limit: Duration) async {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            // Re-read after every pause: the records may have changed meanwhile.
            let alive = ids.contains { id in containers[id]?.process.map(Self.isAlive) ?? false }
            guard alive else { return }
            await Self.pause()
        }
    }

    /// Whether the process a record names is alive. A zombie with the right start time is dead:
    /// if this program happens to be its parent (a runtime re-made within one program, as in
    /// tests) it is reaped here, since nobody else will; otherwise init reaps it.
    nonisolated static func isAlive(_ process: ProcessIdentity) -> Bool {
        guard let now = ProcessIdentity.observe(pid: process.pid), now.startTime == process.startTime else { return false }
        if now.isZombie {
            var status: Int32 = 0
            _ = waitpid(process.pid, &status, WNOHANG)
            return false
        }
        return true
    }
}
