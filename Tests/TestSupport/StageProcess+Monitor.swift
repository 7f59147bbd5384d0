// Stage 1 · Test harness: the threads that watch a `StageProcess`'s child.
//
// Each child gets a reader thread (blocking `read` on its output pipe until end-of-file)
// and a reaper thread (blocking `waitpid` until it exits). They write into the
// `Monitor`, the only state they share with the test, behind one mutex. End-of-file
// and exit are separate facts: a child's background jobs can hold the pipe open after
// the child itself has exited.

import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StageProcess {
    /// What the watcher threads have learned about the child; read by the test.
    struct Observed: Sendable {
        /// Everything the child printed so far.
        var output = ProcessOutput()
        /// The shell-style exit status once the child is reaped.
        var exitStatus: Int32?
    }

    /// The state shared by the test and the two watcher threads; a class so the threads
    /// can hold it without holding (and keeping alive) the `StageProcess`.
    final class Monitor: Sendable {
        /// Guarded by its own lock; the threads only append, the test only reads.
        let state = Mutex(Observed())
    }

    /// Starts the thread that copies the child's output into `monitor` until end-of-file.
    static func startReader(descriptor: Int32, monitor: Monitor, name: String) {
        Thread.startDetached(named: "\(name) output reader") {
            var buffer = [UInt8](repeating: 0, count: readChunkSize)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    monitor.state.withLock { $0.output.append(buffer[..<count]) }
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            close(descriptor)
            monitor.state.withLock { $0.output.finish() }
        }
    }

    /// Starts the thread that reaps the child and records its exit status in `monitor`.
    static func startReaper(pid: pid_t, monitor: Monitor, name: String) {
        Thread.startDetached(named: "\(name) reaper") {
            var status: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &status, 0) } while result == -1 && errno == EINTR
            // -1 here means someone else reaped it (ECHILD); report an unknown status.
            let shellStatus = result == pid ? PosixSpawn.shellStatus(fromWaitStatus: status) : -1
            monitor.state.withLock { $0.exitStatus = shellStatus }
        }
    }
}
