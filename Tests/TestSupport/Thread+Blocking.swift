// Stage 1 · Test harness: running blocking work on a thread of its own.
//
// Swift's cooperative pool has as many threads as cores — two on a small CI machine.
// A blocking `recv` or `waitpid` there would stall every other test. So the harness
// runs blocking work on a fresh `Thread` and awaits its result through a continuation.

import Foundation

extension Thread {
    /// Runs `work` on a new thread and returns its result; used by `TestHTTPClient`.
    static func runBlocking<Value: Sendable>(
        named name: String,
        _ work: @escaping @Sendable () throws -> Value
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            startDetached(named: name) {
                continuation.resume(with: Result { try work() })
            }
        }
    }

    /// Starts `work` on a new thread and returns at once; used for output readers, reapers and streams.
    static func startDetached(named name: String, _ work: @escaping @Sendable () -> Void) {
        let thread = Thread(block: work)
        thread.name = name
        thread.start()
    }
}
