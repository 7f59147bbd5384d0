// Stage 1 · ProcessRuntime: every limit of the process runtime, in one place.
//
// Like xv6's `param.h`: the numbers that shape the runtime's behaviour, named, with the reason
// for each value next to it.

import CRI
import Common
import Foundation

extension ProcessRuntime {
    /// The process runtime's tunable numbers; read by its own methods only.
    enum Limits {
        /// How often a waiting call looks at a process again. Short enough that a stop returns
        /// promptly after the process exits; long enough that waiting costs no measurable CPU.
        static let pollInterval: Duration = .milliseconds(20)
        /// How long a container may take to die after SIGKILL before a stop gives up and
        /// reports an error. SIGKILL cannot be caught, so only a process stuck in the kernel
        /// (uninterruptible sleep on a dead disk, say) ever reaches this.
        static let killWait: Duration = .seconds(10)
        /// The grace between SIGTERM and SIGKILL for containers an earlier runtime left
        /// running: short, because nobody waits for them and the kubelet will start them anew.
        static let recoveryGracePeriod: Duration = .seconds(2)
        /// The most output `execSync` keeps; the rest is read and dropped, so that a chatty
        /// probe cannot fill the kubelet's memory. Kubernetes' exec prober keeps 10 KiB
        /// (`maxReadLength` in `pkg/probe/exec`); the runtime keeps a little more, and the
        /// kubelet's prober may cut it to 10 KiB as Kubernetes does.
        static let execOutputLimit = 16 * 1024
        /// `PATH` for containers when the kubelet itself has none: the usual image default.
        static let defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        /// How many random bytes make an id: 32 bytes, 64 hex digits, as containerd's ids.
        static let idBytes = 32
        /// The exit code recorded for a container whose end the runtime could not observe;
        /// containerd uses 255 with the reason "Unknown" for the same case.
        static let unknownExitCode: Int32 = 255
        /// The exit code recorded when a container's process could not be started at all;
        /// containerd reports 128 with the reason "StartError".
        static let startErrorExitCode: Int32 = 128
        /// The IP address of every pod: process-runtime pods share the host's network.
        static let podIP = "127.0.0.1"
        /// The longest log line written as one entry; a longer one is split into partial
        /// (`P`) entries, as containerd splits at 16 KiB (`maxContainerLogLineSize`).
        static let logLineLimit = 16 * 1024
        /// How long the runtime waits, when a container exits, for its log writer to copy
        /// the last lines: long enough for a pipe's leftovers, short because a process that
        /// escaped the container's group could hold the pipe open for ever.
        static let logFlushWait: Duration = .milliseconds(500)
    }
}
