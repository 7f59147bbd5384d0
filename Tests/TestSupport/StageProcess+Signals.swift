// Stage 1 · Test harness: signalling a test's child process, writing to it, cleaning up.
//
// Which signal goes where mirrors what a person at a terminal does:
// - `interrupt()` is Ctrl-C: SIGINT to the whole foreground process group;
// - `terminate()` and `kill()` are `kill PID` / `kill -9 PID`: the process only, so a
//   test can check what happens to the things the process started when it dies;
// - `shutdown()` is a polite end: SIGTERM to the whole group, a grace period for it to
//   stop (a stage stops its pods), then `cleanup()`;
// - `cleanup()` is the test's own safety net: SIGKILL to the whole group, then wait
//   until the child is reaped, so nothing is left over when the test ends.
// Signals go only to a child that has not been reaped yet, so a recycled pid is never hit.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

extension StageProcess {
    /// Sends SIGINT to the child's process group, as Ctrl-C in a terminal does.
    func interrupt() {
        signalGroup(SIGINT)
    }

    /// Sends SIGTERM to the child alone, as `kill PID` does.
    func terminate() {
        signalProcess(SIGTERM)
    }

    /// Sends SIGKILL to the child alone, as `kill -9 PID` does (a crash, from the outside).
    func kill() {
        signalProcess(SIGKILL)
    }

    /// Sends `signal` to the child alone, if it is still running.
    func signalProcess(_ signal: Int32) {
        guard isRunning else { return }
        _ = systemKill(pid, signal)
    }

    /// Sends `signal` to every process in the child's group.
    ///
    /// The group outlives its leader while any member lives, and POSIX does not reuse a
    /// pid that still names a process group, so this also reaches background jobs of a
    /// child that has already exited.
    func signalGroup(_ signal: Int32) {
        _ = systemKill(-pid, signal)
    }

    /// Asks the whole group to stop with SIGTERM, waits up to `gracePeriod` for the
    /// child to exit and its output to close, then kills what is left; used by the
    /// notebook runner, whose cells may leave a stage running in the background.
    func shutdown(gracePeriod: Duration = StageProcess.defaultGracePeriod) async {
        closeInput()
        signalGroup(SIGTERM)
        _ = try? await waitUntil("\(name) to stop", timeout: gracePeriod) {
            !isRunning && outputIsFinished ? () : nil
        }
        await cleanup()
    }

    /// Kills the child's whole process group and waits until the child is reaped; every
    /// test that starts a `StageProcess` calls this (usually in a `defer`).
    func cleanup() async {
        cleanupWithoutWaiting()
        _ = try? await waitUntil("\(name) to be reaped", timeout: Self.reapTimeout) { exitStatus }
    }

    /// The synchronous part of `cleanup`, also run by `deinit`.
    func cleanupWithoutWaiting() {
        closeInput()
        signalGroup(SIGKILL)
    }

    /// Writes `text` to the child's stdin; only for children started with `.pipe`.
    func write(_ text: String) throws {
        PosixSpawn.ignoreBrokenPipe()
        try input.withLock { descriptor in
            guard let descriptor else { throw HarnessError("\(name)'s standard input is not an open pipe") }
            var remaining = Array(text.utf8)[...]
            while !remaining.isEmpty {
                let written = remaining.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw HarnessError.posix("writing to \(name)'s standard input")
                }
                remaining = remaining.dropFirst(written)
            }
        }
    }

    /// Closes the child's stdin, so it reads end-of-file.
    func closeInput() {
        input.withLock { descriptor in
            if let open = descriptor { _ = systemClose(open) }
            descriptor = nil
        }
    }
}

// The C functions under other names, because `StageProcess` has methods called `kill`,
// `write` and `close` that would otherwise shadow them.
private func systemKill(_ pid: pid_t, _ signal: Int32) -> Int32 { kill(pid, signal) }
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { write(fd, buffer, count) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
