// Stage 1 · Test harness: starting a child process the way the tests need it.
//
// Foundation's `Process` cannot put a child in a process group of its own, and it
// behaves differently on Linux and macOS in exactly the places end-to-end tests care
// about (signals, inherited descriptors). So the harness calls `posix_spawn` itself:
//
// - the child leads a new process group (`POSIX_SPAWN_SETPGROUP`, group 0), so a test
//   can signal or kill the child *and everything it started* with one `kill(-pgid, …)`;
// - the child's stdout and stderr are one pipe, so output keeps its real order;
// - signal dispositions and the signal mask are reset, because ignored signals survive
//   `exec`: the test process ignores SIGPIPE (see `ignoreBrokenPipe`), and a child that
//   inherited that would not die when its reader goes away;
// - every descriptor the harness opens is close-on-exec, because tests run in parallel
//   and a pipe leaked into another test's child would keep this test's pipe open
//   (Foundation's `Process`, which other code may use, closes inherited descriptors itself);
// - and the child closes every other descriptor from 3 up, because not all code in the
//   test process is the harness's: a socket some test or the code under test opened
//   without close-on-exec, inherited by a stage binary another test starts, stays open
//   for as long as that binary runs, and the test that closed it waits for a goodbye
//   that never comes (on a loaded machine, long enough to hit its deadline).
//
// A working directory is set by starting the child through `/bin/sh -c 'cd … && exec …'`:
// `posix_spawn_file_actions_addchdir_np` is a non-portable extension that newer macOS
// SDKs deprecate, and `exec` keeps the pid the same, so nothing else notices.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// What a spawned child reads on standard input; chosen by whoever starts a `StageProcess`.
enum ChildInput: Sendable {
    /// `/dev/null`: the child sees end-of-file at once (stage binaries, `ps`).
    case nullDevice
    /// A pipe the test writes into (the notebook's bash session).
    case pipe
}

/// A freshly spawned child: its pid (also its process-group id) and the parent's pipe ends.
struct SpawnedChild: Sendable {
    /// The child's pid, which is also the id of the process group it leads.
    let pid: pid_t
    /// Read end of the pipe carrying the child's merged stdout and stderr.
    let outputDescriptor: Int32
    /// Write end of the child's stdin pipe, when `ChildInput.pipe` was asked for.
    let inputDescriptor: Int32?
}

/// The POSIX calls behind `StageProcess`, with the Linux/Darwin differences kept here.
enum PosixSpawn {
    /// Signals whose disposition is reset to the default in every child.
    static let signalsResetInChild: [Int32] = [SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGPIPE, SIGCHLD, SIGUSR1, SIGUSR2]

    /// Starts `executable` in a new process group; called by `StageProcess.init`.
    static func spawn(
        executable: String,
        arguments: [String],
        environment: [String: String],
        workingDirectory: String?,
        input: ChildInput
    ) throws -> SpawnedChild {
        var argv = [executable] + arguments
        var path = executable
        if let workingDirectory {
            // `$0` is the directory, `"$@"` the real command line.
            path = "/bin/sh"
            argv = ["/bin/sh", "-c", #"cd -- "$0" || exit 127; exec "$@""#, workingDirectory] + argv
        }
        // Making the pipes and spawning happen under one lock, so that a child spawned
        // by a parallel test never inherits this child's pipes (see `makePipe`).
        return try spawnLock.withLock { _ in
            try spawnLocked(path: path, argv: argv, environment: environment, input: input)
        }
    }

    /// Serialises pipe creation and spawning across the parallel tests of this process.
    private static let spawnLock = Mutex(())

    /// The body of `spawn`, run while holding `spawnLock`.
    private static func spawnLocked(
        path: String, argv: [String], environment: [String: String], input: ChildInput
    ) throws -> SpawnedChild {
        let output = try makePipe()
        let stdinPipe = input == .pipe ? try makePipe() : nil

        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        if let stdinPipe {
            posix_spawn_file_actions_adddup2(&actions, stdinPipe.read, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, output.write, 2)

        var flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        #if canImport(Darwin)
        // Darwin can close every descriptor not named above with a flag.
        flags |= POSIX_SPAWN_CLOEXEC_DEFAULT
        #else
        // Linux (glibc 2.34 and later) with a file action, run after the dup2s above.
        addCloseFrom(&actions, 3)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in signalsResetInChild { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)

        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }

        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, cArguments, cEnvironment)
        // The child has its own copies now; the parent keeps only its ends.
        close(output.write)
        if let stdinPipe { close(stdinPipe.read) }
        guard result == 0 else {
            close(output.read)
            if let stdinPipe { close(stdinPipe.write) }
            throw HarnessError.posix("posix_spawn \(argv.joined(separator: " "))", errno: result)
        }
        return SpawnedChild(pid: pid, outputDescriptor: output.read, inputDescriptor: stdinPipe?.write)
    }

    #if !canImport(Darwin)
    /// `int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *, int)`.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// Adds "close every descriptor from `lowest` up" to `actions`. glibc declares the
    /// function only under `_GNU_SOURCE`, which Swift's Glibc module does not define, so it
    /// is looked up by name (as `ProcessRuntime`'s `SpawnShims` does); an older C library
    /// without it leaves the child to FD_CLOEXEC alone.
    private static func addCloseFrom(_ actions: inout posix_spawn_file_actions_t, _ lowest: Int32) {
        guard let address = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
        // Safe: the symbol is the C library's function with exactly this C signature.
        let function = unsafeBitCast(address, to: AddCloseFrom.self)
        _ = function(&actions, lowest)
    }
    #endif

    /// Makes a close-on-exec pipe; used for a child's output and input. Callers hold `spawnLock`.
    static func makePipe() throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [-1, -1]
        // Glibc's pipe2(O_CLOEXEC) is not visible to Swift, so pipe() and fcntl() run
        // under `spawnLock`: no harness spawn can happen between the two calls.
        guard pipe(&descriptors) == 0 else { throw HarnessError.posix("pipe") }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return (descriptors[0], descriptors[1])
    }

    /// Makes writes to a closed pipe or socket fail with EPIPE instead of killing the
    /// test process; called before the harness writes to a child or a socket.
    static func ignoreBrokenPipe() {
        _ = brokenPipeIgnored
    }

    /// Evaluated once, on first use, by `ignoreBrokenPipe`.
    private static let brokenPipeIgnored: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    /// Turns a `waitpid` status into a shell-style exit status: the exit code, or
    /// 128 + the signal number when a signal ended the process (as `$?` reports it).
    static func shellStatus(fromWaitStatus status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
