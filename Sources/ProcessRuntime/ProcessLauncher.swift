// Stage 1 · ProcessRuntime: starting one process the way a container runtime must.
//
// Foundation's `Process` cannot be used here: it cannot put the child in its own process group
// (so a stop could not reach the container's own children), and it reaps its children by
// itself (so the runtime could not read their exit status). This file calls `posix_spawnp`
// directly, which starts a process in one step with everything set up before the new program
// runs:
//
// - its own process group (POSIX_SPAWN_SETPGROUP, group 0 = "lead a new group"), so that
//   `kill(-pid, …)` reaches the process and everything it started;
// - default signal handling and an empty signal mask (POSIX_SPAWN_SETSIGDEF/SETSIGMASK): a
//   kubelet may ignore SIGPIPE or block signals, and a child inherits both through exec;
// - stdin from /dev/null, stdout and stderr to one file or pipe, or to a pipe each;
// - its working directory (`posix_spawn_file_actions_addchdir_np`);
// - no other open file: a container must not inherit the kubelet's sockets (on Linux via
//   `posix_spawn_file_actions_addclosefrom_np`, on macOS via POSIX_SPAWN_CLOEXEC_DEFAULT).
//
// Two of these are extensions that Swift cannot name portably; `SpawnShims` finds them in the
// C library at run time (glibc ≥ 2.29 for chdir, ≥ 2.34 for closefrom; any macOS 10.15+).

import CRI
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts container processes and exec probes for `ProcessRuntime`, one `posix_spawnp` each.
enum ProcessLauncher {
    /// Where the new process's stdout and stderr go.
    enum Output {
        /// Written to this open descriptor: the write end of an exec's pipe.
        case descriptor(Int32)
        /// Stdout and stderr to two descriptors: the pipes of a container's log writer.
        case separate(stdout: Int32, stderr: Int32)
    }

    /// Everything needed to start one process.
    struct Request {
        /// The argument vector; `arguments[0]` is looked up in `PATH` as `execvp` would.
        var arguments: [String]
        /// The complete environment, as `NAME=value` strings.
        var environment: [String]
        /// The directory the process starts in; it must exist.
        var workingDirectory: String
        var output: Output
        /// Who the process runs as, if not the runtime's own user (`ProcessLauncher+Credentials`).
        var credentials: Credentials? = nil
    }

    /// A failed spawn: the step and the `errno` it returned.
    struct Failure: Error {
        /// The C function that failed.
        var step: String
        /// Its error number, such as ENOENT.
        var code: Int32
    }

    /// Signals whose handling the child gets reset to the default, whatever its parent did.
    static let signalsToReset: [Int32] = [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM]

    /// Starts the process and returns its pid, which is also its new process group's id.
    static func spawn(_ request: Request) throws(Failure) -> pid_t {
        if let credentials = request.credentials { return try spawn(request, as: credentials) }
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        try check(posix_spawn_file_actions_init(&actions), "posix_spawn_file_actions_init")
        defer { posix_spawn_file_actions_destroy(&actions) }
        try check(posix_spawnattr_init(&attributes), "posix_spawnattr_init")
        defer { posix_spawnattr_destroy(&attributes) }

        // Standard streams, in the child, before the program runs.
        try check(posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0), "addopen stdin")
        switch request.output {
        case .descriptor(let descriptor):
            try check(posix_spawn_file_actions_adddup2(&actions, descriptor, 1), "adddup2 stdout")
            try check(posix_spawn_file_actions_adddup2(&actions, 1, 2), "adddup2 stderr")
        case .separate(let stdout, let stderr):
            try check(posix_spawn_file_actions_adddup2(&actions, stdout, 1), "adddup2 stdout")
            try check(posix_spawn_file_actions_adddup2(&actions, stderr, 2), "adddup2 stderr")
        }
        try check(SpawnShims.addChangeDirectory(&actions, request.workingDirectory), "addchdir_np")

        var flags = Int32(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        #if canImport(Darwin)
        flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #else
        try check(SpawnShims.addCloseFrom(&actions, 3), "addclosefrom_np")
        #endif
        try check(posix_spawnattr_setflags(&attributes, Int16(flags)), "posix_spawnattr_setflags")
        try check(posix_spawnattr_setpgroup(&attributes, 0), "posix_spawnattr_setpgroup")
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in signalsToReset { sigaddset(&defaults, signal) }
        try check(posix_spawnattr_setsigdefault(&attributes, &defaults), "posix_spawnattr_setsigdefault")
        var mask = sigset_t()
        sigemptyset(&mask)
        try check(posix_spawnattr_setsigmask(&attributes, &mask), "posix_spawnattr_setsigmask")

        let argv = request.arguments.map { strdup($0) } + [nil]
        let envp = request.environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        // posix_spawnp reports a failed exec (such as ENOENT for a missing program) as its
        // result, on glibc since 2.24 and on macOS always, and reaps the failed child itself.
        try check(posix_spawnp(&pid, argv[0]!, &actions, &attributes, argv, envp), "posix_spawnp")
        return pid
    }

    /// Turns a non-zero result of a posix_spawn function into a thrown failure.
    private static func check(_ result: Int32, _ step: String) throws(Failure) {
        if result != 0 { throw Failure(step: step, code: result) }
    }
}
