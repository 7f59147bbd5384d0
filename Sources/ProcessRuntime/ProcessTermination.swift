// Stage 1 · ProcessRuntime: how a process ended, read from `waitpid`'s status word.
//
// C programs decode the status with the macros `WIFEXITED`, `WEXITSTATUS`, `WIFSIGNALED` and
// `WTERMSIG`. Swift cannot import function-like macros, so this file spells out what they do;
// the layout (exit code in bits 8-15, signal in bits 0-6) is the same on Linux and macOS.

import CRI

/// The end of a process, as the process runtime records it in a container's status.
enum ProcessTermination: Sendable, Hashable {
    /// The process called `exit(code)`.
    case exited(code: Int32)
    /// A signal killed it.
    case signaled(signal: Int32)

    /// Decodes a `waitpid` status; nil for "stopped" or "continued", which are not an end.
    init?(waitStatus status: Int32) {
        let low = status & 0x7f
        if low == 0 {
            self = .exited(code: (status >> 8) & 0xff)
        } else if low != 0x7f {
            self = .signaled(signal: low)
        } else {
            return nil
        }
    }

    /// The exit code Kubernetes shows: the process's own, or 128 + signal as a shell reports
    /// it (so 137 for SIGKILL, 143 for SIGTERM).
    var exitCode: Int32 {
        switch self {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
    }

    /// The signal that killed the process, if one did.
    var signal: Int32? {
        if case .signaled(let signal) = self { return signal }
        return nil
    }

    /// containerd's reason for an exited container: "Completed" for 0, "Error" otherwise.
    var reason: String { exitCode == 0 ? "Completed" : "Error" }
}
