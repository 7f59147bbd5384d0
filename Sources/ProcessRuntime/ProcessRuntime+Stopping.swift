// Stage 1 · ProcessRuntime: noticing exits, and stopping containers.
//
// Reaping. A child that exits stays a zombie until its parent calls `waitpid`, and only then
// does the parent learn its exit status. `reap` asks, without blocking (WNOHANG), for every
// running container this runtime started; the kubelet's status and list calls all reap first,
// the way Kubernetes' PLEG relists the runtime to notice changes. When the container's main
// process has exited, whatever it left behind in its process group (a shell's background
// children) is killed: in a real container the kernel does the same when the PID namespace's
// first process dies, and a container must not outlive itself.
//
// Stopping is Kubernetes' graceful termination: SIGTERM to the whole process group, a grace
// period for the program to finish its work, then SIGKILL. Waiting for the exit is a polling
// loop of short sleeps (`Limits.pollInterval`): there is no portable way to await a child's
// exit asynchronously (Dispatch's process sources do not exist on Linux), and the loop lets
// other calls use the actor meanwhile.
//
// Why signalling a process group by the leader's pid is safe: a pid is not reused while its
// process exists, even as a zombie, nor while a process group with that id has members. The
// runtime signals a group only before it has reaped the leader, or right after (when only
// the group's leftover members can hold the id).

import CRI
import Common
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ProcessRuntime {
    /// Records the exit of every running container whose process has ended; the kubelet may
    /// call it on its own schedule, and every status and list call does.
    public func reap() {
        for (id, record) in containers where record.state == .running {
            reap(containerID: id)
        }
    }

    /// Records the exit of one container if its process has ended.
    func reap(containerID id: String) {
        guard var record = containers[id], record.state == .running, let process = record.process else { return }
        if children.contains(id) {
            var status: Int32 = 0
            let result = waitpid(process.pid, &status, WNOHANG)
            if result == process.pid, let termination = ProcessTermination(waitStatus: status) {
                // The group id is still held by any leftover members, so it cannot be reused.
                kill(-process.pid, SIGKILL)
                record.recordExit(exitCode: termination.exitCode, signal: termination.signal, reason: termination.reason)
            } else if result == -1 && errno == ECHILD {
                // Someone else in this program reaped our child; its exit status is lost.
                record.recordExit(exitCode: Limits.unknownExitCode, signal: nil, reason: "Unknown",
                                  message: "the exit status of the container's process was taken by someone else")
            } else {
                return
            }
            children.remove(id)
            // Its last lines may still be on their way to the log file: let them arrive.
            logWriters.removeValue(forKey: id)?.waitUntilDone(timeout: Limits.logFlushWait)
        } else {
            // Left by an earlier runtime: not our child, so we can only see whether it is gone.
            // Its group is not signalled here: with the leader gone, nothing proves the group
            // id still names the container's processes.
            guard !process.isRunning else { return }
            record.recordExit(exitCode: Limits.unknownExitCode, signal: nil, reason: "Unknown",
                              message: "the container was started by an earlier runtime, which cannot learn how it ended")
        }
        saveLoggingFailure(record)
        logger.info("container exited", [
            "name": record.config.metadata.name, "container": id.prefix(12),
            "exitCode": record.exitCode, "reason": record.reason,
        ])
    }

    /// Stops a running container: SIGTERM to its process group, then SIGKILL once `timeout`
    /// has passed (at once for a zero timeout, or when the calling task is cancelled). Returns
    /// when the process has exited and been reaped; stopping a container that is not running
    /// does nothing.
    public func stopContainer(id: String, timeout: Duration) async throws {
        _ = try container(id)
        reap(containerID: id)
        guard isRunning(id) else { return }
        if timeout > .zero && !Task.isCancelled {
            signalGroup(of: id, SIGTERM)
            let deadline = ContinuousClock.now + timeout
            while isRunning(id), ContinuousClock.now < deadline, !Task.isCancelled {
                await Self.pause()
                reap(containerID: id)   // re-checked by isRunning: the actor may have run other calls
            }
            guard isRunning(id) else { return }
            logger.info("grace period over, killing container", ["container": id.prefix(12), "timeout": timeout.kubernetesDescription])
        }
        signalGroup(of: id, SIGKILL)
        let deadline = ContinuousClock.now + Limits.killWait
        while isRunning(id), ContinuousClock.now < deadline {
            await Self.pause()
            reap(containerID: id)
        }
        if isRunning(id) {
            throw RuntimeError.internalError("container \"\(id)\" did not die within \(Limits.killWait.kubernetesDescription) of SIGKILL")
        }
    }

    /// Stops every running container, all at once, each with `timeout` of grace; the kubelet
    /// calls it when it shuts down so that no container outlives it.
    public func stopAll(timeout: Duration) async {
        reap()
        let running = containers.values.filter { $0.state == .running }.map(\.id)
        await withTaskGroup(of: Void.self) { group in
            for id in running {
                group.addTask {
                    do {
                        try await self.stopContainer(id: id, timeout: timeout)
                    } catch {
                        self.logger.error("cannot stop container", ["container": id.prefix(12), "error": error])
                    }
                }
            }
        }
    }

    /// Whether the container exists and is recorded as running.
    func isRunning(_ id: String) -> Bool {
        containers[id]?.state == .running
    }

    /// Sends a signal to a running container's whole process group. For a container an
    /// earlier runtime started, only when its pid still names the very process it started.
    func signalGroup(of id: String, _ signal: Int32) {
        guard let record = containers[id], record.state == .running, let process = record.process else { return }
        if !children.contains(id) && !process.isStillPresent { return }
        kill(-process.pid, signal)
    }
}
