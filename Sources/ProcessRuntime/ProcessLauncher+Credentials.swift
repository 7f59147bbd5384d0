// Stage 1 · ProcessRuntime: starting a process as another user (`runAsUser`, `runAsGroup`).
//
// `posix_spawn` cannot change who the new process runs as: there is no spawn attribute for
// a user or a group on Linux. A runtime that must drop privileges does what every Unix
// program that starts a process as someone else does: `fork`, then, in the child, set the
// groups, the group and the user, and `exec` the program. The order matters: once the user
// is no longer root, the group can no longer be changed.
//
// The child of a `fork` in a multithreaded program is fragile: it has one thread, and any
// lock another thread held at the fork stays locked forever. So everything the child needs
// (the program's path, argv, envp, the directory) is made before the fork, and the child
// calls only system calls that take no lock, as POSIX requires ("async-signal-safe"). If
// any step fails, the child writes which one and its errno to a pipe that closes on a
// successful exec; the parent reads that pipe, so a failed start is an error here exactly as
// `posix_spawnp` reports one.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ProcessLauncher {
    /// The user and group a process runs as, when they are not the runtime's own.
    struct Credentials: Sendable, Hashable {
        var user: uid_t
        var group: gid_t
    }

    /// The steps of the child, in order, as the numbers it reports through the pipe.
    private static let childSteps = ["setpgid", "sigprocmask", "open /dev/null", "dup2", "chdir",
                                     "setgroups", "setgid", "setuid", "execve"]

    /// Starts the process as `credentials` with the same setup as `spawn` gives: its own
    /// process group, default signals, stdin from /dev/null, its output, its directory, no
    /// inherited descriptors.
    static func spawn(_ request: Request, as credentials: Credentials) throws(Failure) -> pid_t {
        guard let program = executablePath(request.arguments[0]) else { throw Failure(step: "posix_spawnp", code: ENOENT) }
        let (stdout, stderr): (Int32, Int32)
        switch request.output {
        case .descriptor(let descriptor): (stdout, stderr) = (descriptor, descriptor)
        case .separate(let out, let err): (stdout, stderr) = (out, err)
        }
        var report: [Int32] = [0, 0]
        guard pipe(&report) == 0 else { throw Failure(step: "pipe", code: errno) }
        _ = fcntl(report[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(report[1], F_SETFD, FD_CLOEXEC)
        let path = strdup(program)!, directory = strdup(request.workingDirectory)!, devNull = strdup("/dev/null")!
        let argv = request.arguments.map { strdup($0) } + [nil]
        let envp = request.environment.map { strdup($0) } + [nil]
        defer {
            free(path)
            free(directory)
            free(devNull)
            (argv + envp).forEach { free($0) }
        }
        var groups: [gid_t] = [credentials.group]
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        let highest = Int32(min(sysconf(Int32(_SC_OPEN_MAX)), 65_536))
        let resetting = signalsToReset, reportWriter = report[1]

        let pid = fork()
        if pid == 0 {
            // The child: system calls only, on values made before the fork.
            func fail(_ step: Int32) -> Never {
                var message: (Int32, Int32) = (step, errno)
                _ = withUnsafeBytes(of: &message) { write(reportWriter, $0.baseAddress, $0.count) }
                _exit(127)
            }
            if setpgid(0, 0) != 0 { fail(0) }
            for number in resetting { _ = signal(number, SIG_DFL) }
            if sigprocmask(SIG_SETMASK, &noSignals, nil) != 0 { fail(1) }
            let input = open(devNull, O_RDONLY)
            if input < 0 { fail(2) }
            if dup2(input, 0) < 0 || dup2(stdout, 1) < 0 || dup2(stderr, 2) < 0 { fail(3) }
            if chdir(directory) != 0 { fail(4) }
            if setgroups(1, &groups) != 0 { fail(5) }
            if setgid(credentials.group) != 0 { fail(6) }
            if setuid(credentials.user) != 0 { fail(7) }
            // Keep only the report pipe (as descriptor 3, closed by exec) beyond the standard three.
            if dup2(reportWriter, 3) < 0 { fail(3) }
            _ = fcntl(3, F_SETFD, FD_CLOEXEC)
            var descriptor: Int32 = 4
            while descriptor < highest { close(descriptor); descriptor += 1 }
            execve(path, argv, envp)
            fail(8)
        }
        close(report[1])
        defer { close(report[0]) }
        guard pid > 0 else { throw Failure(step: "fork", code: errno) }
        var message: (Int32, Int32) = (0, 0)
        let count = withUnsafeMutableBytes(of: &message) { read(report[0], $0.baseAddress, $0.count) }
        guard count == MemoryLayout<(Int32, Int32)>.size else { return pid }
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        let step = Int(message.0)
        throw Failure(step: step == 8 ? "posix_spawnp" : childSteps[min(max(step, 0), childSteps.count - 1)], code: message.1)
    }

    /// Where `execvp` would find `name`: itself if it has a slash, else the first executable
    /// of that name in the runtime's `PATH`, as `posix_spawnp` looks it up.
    static func executablePath(_ name: String) -> String? {
        if name.contains("/") { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
