// Stage 1 · Common: Ctrl-C as cancellation.
//
// In this project, shutting down IS cancellation: a stage's `main` runs its components
// in a task group, and stopping the cluster means cancelling that group. Every
// component then unwinds in its own way (the kubelet stops its pods gracefully, the
// HTTP server closes its connections). This file turns SIGINT (Ctrl-C) and SIGTERM
// (what `kill` and process supervisors send) into that cancellation.

import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` until it finishes or the process receives SIGINT or SIGTERM, which cancels it.
///
/// The signals' default action (dying on the spot) is turned off first, so that the
/// process lives long enough to shut down in order; a dispatch source then hears the
/// signal and cancels the task running `body`. A second Ctrl-C exits at once, for the
/// impatient, as Kubernetes' components do.
public func runUntilShutdownSignal(
    logger: Logger,
    _ body: @escaping @Sendable () async throws -> Void
) async throws {
    let work = Task { try await body() }
    let queue = DispatchQueue(label: "shutdown-signals")
    var sources: [DispatchSourceSignal] = []
    let count = SignalCount()
    for signalNumber in [SIGINT, SIGTERM] {
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
        source.setEventHandler {
            if count.increment() > 1 {
                logger.warning("second signal, exiting at once")
                exit(130)
            }
            logger.info("shutting down", ["signal": signalNumber == SIGINT ? "SIGINT" : "SIGTERM"])
            work.cancel()
        }
        source.resume()
        sources.append(source)
    }
    defer { sources.forEach { $0.cancel() } }
    do {
        try await work.value
    } catch is CancellationError {
        // The cancellation we asked for: a clean shutdown, not a failure.
    }
}

/// Counts signals received, so a second Ctrl-C can behave differently from the first.
private final class SignalCount: Sendable {
    private let count = Mutex(0)
    func increment() -> Int { count.withLock { $0 += 1; return $0 } }
}
