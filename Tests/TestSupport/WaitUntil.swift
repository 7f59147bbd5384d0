// Stage 1 · Test harness: the one way a test waits.
//
// Tests never sleep and hope. Whatever they wait for — a log line, an exit status, a
// process that is gone, an HTTP answer — they poll a condition every `pollInterval`
// until it holds or a deadline passes, through `waitUntil`. Polling every few tens of
// milliseconds keeps the helpers simple (no callbacks threaded through the code under
// test) while a deadline keeps a broken test from hanging the suite. On timeout the
// error names what was awaited and where, and callers add context (the last lines of a
// process's output) by catching `WaitTimeout`.
//
// Deadlines are generous on purpose. On a loaded 2-core machine (the suite's 700 tests
// in parallel, a build beside them) a task can wait seconds for a thread, so a deadline
// must be longer than the slowest honest answer there, not on an idle laptop. A long
// deadline costs nothing while tests pass: it is only reached when one is failing.

import Testing

/// The harness's waiting policy, shared by every helper that waits.
enum WaitPolicy {
    /// How often a condition is re-checked: short enough to keep tests fast, long
    /// enough not to burn one of the machine's few cores.
    static let pollInterval: Duration = .milliseconds(25)
    /// The deadline for ordinary waits when a caller has no better figure.
    static let defaultTimeout: Duration = .seconds(60)
}

/// Thrown by `waitUntil` when the deadline passes; says what was awaited, for how long, and where.
struct WaitTimeout: Error, CustomStringConvertible {
    /// What the caller was waiting for, in words ("stage1 to print a line containing …").
    let awaited: String
    let timeout: Duration
    /// Where the wait was written, so the failure points at the test line.
    let sourceLocation: SourceLocation

    /// The sentence shown as the test failure.
    var description: String {
        "Timed out after \(timeout) waiting for \(awaited) (at \(sourceLocation))"
    }
}

/// Polls `probe` until it returns a value or `timeout` passes; every harness wait goes through here.
///
/// Returns the first non-nil value. Errors thrown by `probe` end the wait at once (a
/// probe throws when waiting further is pointless, e.g. the process has exited).
func waitUntil<Value>(
    _ awaited: String,
    timeout: Duration = WaitPolicy.defaultTimeout,
    pollInterval: Duration = WaitPolicy.pollInterval,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ probe: () async throws -> Value?
) async throws -> Value {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while true {
        if let value = try await probe() { return value }
        let now = clock.now
        if now >= deadline {
            throw WaitTimeout(awaited: awaited, timeout: timeout, sourceLocation: sourceLocation)
        }
        // Never oversleep the deadline: the last check happens right at it.
        try await clock.sleep(until: min(now.advanced(by: pollInterval), deadline))
    }
}

/// Waits until `condition` holds or `timeout` passes; the Boolean form of `waitUntil`, used by tests.
func eventually(
    _ awaited: String = "a condition to hold",
    timeout: Duration = WaitPolicy.defaultTimeout,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () async throws -> Bool
) async throws {
    let _: Void = try await waitUntil(awaited, timeout: timeout, sourceLocation: sourceLocation) {
        try await condition() ? () : nil
    }
}

/// Awaits `body`, failing if it takes longer than `seconds`: a deadline for work that has
/// no condition to poll (a whole server round trip, a handler that must finish).
///
/// The sleep here is not sleep-and-hope: it is the deadline itself, racing the work.
func withDeadline<T: Sendable>(
    seconds: Double = 60,
    _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw HarnessError("deadline of \(seconds)s exceeded")
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

/// Suspends until the current task is cancelled: a test server that never answers, until
/// the test shuts it down. No sleep, no timer: an `AsyncStream` that never yields ends
/// its iteration when the task is cancelled.
func waitUntilCancelled() async {
    let (never, _) = AsyncStream<Void>.makeStream()
    for await _ in never {}
}
