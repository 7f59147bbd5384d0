// Stage 1 · ProcessRuntime: running a command inside a running container.
//
// CRI's `ExecSync`, which the kubelet's exec probes use (`livenessProbe: exec: command: …`).
// "Inside the container" means, for the process runtime, with the container's environment and
// working directory. The command runs in its own process group with its output on a pipe; the
// runtime reads the pipe while it polls for the exit, so a chatty command never blocks on a
// full pipe, and keeps at most `Limits.execOutputLimit` bytes. When the timeout passes, the
// whole group is killed and the call fails with `deadlineExceeded`, which the kubelet counts
// as a failed probe.

import CRI
import Common
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ProcessRuntime {
    /// Runs `command` in a running container, waits up to `timeout`, and returns its exit code
    /// and combined output; the kubelet's exec probes call it.
    public func execSync(containerID: String, command: [String], timeout: Duration) async throws -> ExecSyncResult {
        reap(containerID: containerID)
        let record = try container(containerID)
        guard record.state == .running else {
            throw RuntimeError.failedPrecondition("container \"\(containerID)\" is not running")
        }
        guard !command.isEmpty else { throw RuntimeError.invalidArgument("exec needs a command") }
        try Self.checkWorkingDirectory(record.workingDirectory, as: record.config.workingDir)

        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw RuntimeError.internalError("pipe: \(String(cString: strerror(errno)))")
        }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        defer { close(readEnd) }
        // The read end must not block the actor, and neither end may leak into other children.
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        let pid: pid_t
        do {
            pid = try ProcessLauncher.spawn(.init(
                arguments: command,
                environment: record.environment.map { "\($0.key)=\($0.value)" },
                workingDirectory: record.workingDirectory,
                output: .descriptor(writeEnd),
                // A command run in a container runs as the container's user, as `kubectl exec` does.
                credentials: try Self.credentials(for: record.config.linux?.securityContext)
            ))
            close(writeEnd)
        } catch {
            close(writeEnd)
            throw RuntimeError.failedToStart(Self.startFailureMessage(error, command: command[0]))
        }

        var output = ExecOutput(limit: Limits.execOutputLimit)
        let deadline = ContinuousClock.now + timeout
        while true {
            output.drain(readEnd)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                // Read what the command wrote just before exiting, then end its leftovers.
                output.drain(readEnd)
                kill(-pid, SIGKILL)
                let code = ProcessTermination(waitStatus: status)?.exitCode ?? Limits.unknownExitCode
                return ExecSyncResult(exitCode: code, output: output.text)
            }
            let cancelled = Task.isCancelled
            if cancelled || ContinuousClock.now >= deadline {
                await Self.killAndReap(pid)
                if cancelled { throw CancellationError() }
                throw RuntimeError.deadlineExceeded("command \(command) timed out after \(timeout.kubernetesDescription)")
            }
            await Self.pause()
        }
    }

    /// Kills a process group whose leader this runtime started and waits until the leader is
    /// reaped, so no zombie is left. SIGKILL cannot be ignored; the wait is bounded anyway.
    nonisolated static func killAndReap(_ pid: pid_t) async {
        kill(-pid, SIGKILL)
        let deadline = ContinuousClock.now + Limits.killWait
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0, ContinuousClock.now < deadline {
            await pause()
        }
    }
}

/// The output of one `execSync` command, collected from a non-blocking pipe up to a limit.
struct ExecOutput {
    /// The most bytes kept.
    let limit: Int
    private(set) var bytes: [UInt8] = []

    init(limit: Int) { self.limit = limit }

    /// Reads everything the pipe holds now, keeping what fits under the limit.
    mutating func drain(_ descriptor: Int32) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return }   // 0: closed; -1: EAGAIN (nothing more now) or error
            let room = max(0, limit - bytes.count)
            bytes.append(contentsOf: buffer[0..<min(count, room)])
        }
    }

    /// The output as text, with invalid UTF-8 replaced rather than dropped.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
