// Stage 1 · Test harness: a stage binary (or any program) running under a test.
//
// End-to-end tests start `stage1` the way a learner does and then watch it: wait for
// "listening" in its log, send it Ctrl-C, check its exit status. `StageProcess` is that
// handle. The child runs in its own process group (see `PosixSpawn`), its stdout and
// stderr are captured line by line, and every wait is a deadline-bounded poll through
// `waitUntil`. A wait that fails says what it waited for and shows the last
// `tailLineCount` lines of output, because "timed out" alone diagnoses nothing.
//
// Two dedicated threads serve each child: one blocks in `read` on its output pipe, one
// blocks in `waitpid` for its exit. Blocking calls belong on threads of their own, not
// on Swift's small cooperative pool. Both threads hold only the `Monitor`, never the
// `StageProcess`, so dropping the handle runs `deinit`, which kills the whole group.
//
//     let kubelet = try StageProcess(executable: Binaries.executable(named: "stage1"),
//                                    arguments: ["--manifests", dir.path])
//     defer { kubelet.cleanupWithoutWaiting() }   // safety net if the test throws
//     try await kubelet.waitForLine(containing: "listening")
//     kubelet.interrupt()
//     #expect(try await kubelet.waitForExit() == 0)
//     await kubelet.cleanup()                      // kill and reap anything left in the group

import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process started by a test, in its own process group, with its output captured.
final class StageProcess: Sendable {
    /// How many lines of output a failure message shows.
    static let tailLineCount = 40
    /// How long `shutdown` lets the group stop after SIGTERM before killing it: a stage
    /// stopping its pods on a loaded machine may take seconds; a stuck one costs this much.
    static let defaultGracePeriod: Duration = .seconds(30)
    /// How long `cleanup` waits for the killed child to be reaped.
    static let reapTimeout: Duration = .seconds(30)
    /// How long `waitForExit` waits, after the exit, for the rest of the output to be read.
    static let outputDrainTimeout: Duration = .seconds(10)
    /// How many bytes the reader thread asks for per `read`.
    static let readChunkSize = 64 * 1024

    /// The name used in messages: the executable's file name unless the caller chose one.
    let name: String
    /// The child's pid; also the id of its process group.
    let pid: pid_t
    /// Output and exit status, shared with the reader and reaper threads.
    let monitor: Monitor
    /// Write end of the child's stdin, while open (nil for `.nullDevice` or once closed).
    let input: Mutex<Int32?>

    /// Starts `executable`; the environment is this process's plus `environment`, which wins.
    init(
        executable: URL,
        arguments: [String] = [],
        environment: [String: String] = [:],
        workingDirectory: URL? = nil,
        standardInput: ChildInput = .nullDevice,
        name: String? = nil
    ) throws {
        let merged = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        let child = try PosixSpawn.spawn(
            executable: executable.path, arguments: arguments, environment: merged,
            workingDirectory: workingDirectory?.path, input: standardInput
        )
        self.name = name ?? executable.lastPathComponent
        self.pid = child.pid
        self.input = Mutex(child.inputDescriptor)
        self.monitor = Monitor()
        Self.startReader(descriptor: child.outputDescriptor, monitor: monitor, name: self.name)
        Self.startReaper(pid: child.pid, monitor: monitor, name: self.name)
    }

    deinit {
        cleanupWithoutWaiting()
    }

    // MARK: What the child has done so far

    /// Every complete line of output so far (stdout and stderr merged, in order).
    var lines: [String] { monitor.state.withLock { $0.output.lines } }

    /// All output so far as text.
    var output: String { String(decoding: monitor.state.withLock { $0.output.bytes }, as: UTF8.self) }

    /// The output bytes from `offset` on; used by the notebook runner to cut out one cell.
    func outputBytes(from offset: Int) -> ArraySlice<UInt8> {
        monitor.state.withLock { state in
            let bytes = state.output.bytes
            return bytes[min(offset, bytes.count)...]
        }
    }

    /// The shell-style exit status (128 + signal if killed), or nil while it runs.
    var exitStatus: Int32? { monitor.state.withLock { $0.exitStatus } }

    /// True until the child has exited and been reaped.
    var isRunning: Bool { exitStatus == nil }

    /// The last `tailLineCount` lines, indented, for failure messages.
    var outputTail: String {
        let tail = monitor.state.withLock { $0.output.tail(Self.tailLineCount) }
        if tail.isEmpty { return "  (no output)" }
        return tail.map { "  | " + $0 }.joined(separator: "\n")
    }

    // MARK: Waiting

    /// Waits for a line containing `text` among lines `from` index `startIndex` on, and
    /// returns it; fails early if the child exits first. Called by end-to-end tests.
    @discardableResult
    func waitForLine(
        containing text: String,
        from startIndex: Int = 0,
        timeout: Duration = WaitPolicy.defaultTimeout,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        let awaited = "\(name) to print a line containing \"\(text)\""
        do {
            return try await waitUntil(awaited, timeout: timeout, sourceLocation: sourceLocation) {
                let (lines, finished, status) = monitor.state.withLock {
                    ($0.output.lines, $0.output.isFinished, $0.exitStatus)
                }
                if let line = lines.dropFirst(startIndex).first(where: { $0.contains(text) }) { return line }
                if finished, let status {
                    throw HarnessError("\(name) exited with status \(status) before printing a line containing \"\(text)\". Its last output:\n\(outputTail)")
                }
                return nil
            }
        } catch let timeout as WaitTimeout {
            throw HarnessError("\(timeout). Last \(Self.tailLineCount) lines of \(name)'s output:\n\(outputTail)")
        }
    }

    /// Waits for the child to exit and returns its shell-style status; called after a signal,
    /// or before reading the whole `output` of a command.
    ///
    /// The reaper thread sees the exit and the reader thread drains the pipe, each when the
    /// machine schedules it; on a loaded machine the exit can be seen first, with output
    /// still unread. So this also waits for the output to end, but only for
    /// `outputDrainTimeout`: a process the child started may hold the pipe open for longer.
    @discardableResult
    func waitForExit(
        timeout: Duration = WaitPolicy.defaultTimeout,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Int32 {
        let status: Int32
        do {
            status = try await waitUntil("\(name) (pid \(pid)) to exit", timeout: timeout, sourceLocation: sourceLocation) {
                exitStatus
            }
        } catch let timeout as WaitTimeout {
            throw HarnessError("\(timeout). It is still running. Its last output:\n\(outputTail)")
        }
        _ = try? await waitUntil("\(name)'s output to end", timeout: Self.outputDrainTimeout) {
            outputIsFinished ? () : nil
        }
        return status
    }
}

extension StageProcess {
    /// True once the child and everything it started have closed the output pipe.
    var outputIsFinished: Bool { monitor.state.withLock { $0.output.isFinished } }
}
