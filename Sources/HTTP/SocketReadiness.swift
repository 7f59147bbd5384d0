// Stage 1 · HTTP: waiting, without a thread, until a socket can be read or written.
//
// A non-blocking socket answers "not now" (EAGAIN) instead of making its caller wait.
// The caller must then wait somewhere that costs no thread: Swift's cooperative pool
// has one thread per core, so a single blocked `recv` would stall a third or half of
// the program. This file turns "tell me when descriptor 7 is readable" into an `await`:
//
//   1. a one-shot Dispatch source watches the descriptor (epoll on Linux, kqueue on macOS);
//   2. when it fires, or when the waiting task is cancelled, the source is cancelled;
//   3. the source's cancel handler resumes the suspended task, exactly once.
//
// Resuming from the cancel handler, and not from the event handler, is deliberate:
// Dispatch promises the cancel handler runs after it has stopped watching the
// descriptor, so when `wait` returns, nothing still refers to it and it may be closed.
// (Closing a descriptor that Dispatch still watches could make it watch whatever file
// next reuses that number.)

import Dispatch
import Synchronization

/// One suspended wait for a descriptor's readiness; made and awaited by `Socket`.
package final class SocketReadiness: Sendable {
    /// What the caller is waiting to be able to do.
    package enum Event: Sendable {
        case readable
        case writable
    }

    /// Where one wait is; every transition happens under `state`'s lock.
    private enum State {
        /// Not started; cancellation may still arrive first.
        case idle
        /// The task was cancelled before the source existed; `start` must not make one.
        case cancelledBeforeStart
        /// The source is watching; `taskCancelled` records why it will be cancelled.
        case watching(SourceHandle, taskCancelled: Bool)
        /// The cancel handler has run (or `start` resumed directly): nothing left to do.
        case finished
    }

    private let state = Mutex<State>(.idle)

    /// A Dispatch source that may be held under the lock and cancelled from any thread.
    ///
    /// Why `@unchecked Sendable` is safe: corelibs-libdispatch does not mark its source
    /// classes `Sendable`, but Dispatch objects are thread-safe, and the only call made
    /// through this handle from another thread is `cancel()`, which Dispatch documents as
    /// callable from any thread at any time (`dispatch_source_cancel`). Handlers are set and
    /// the source activated before the handle is shared.
    private struct SourceHandle: @unchecked Sendable {
        let source: any DispatchSourceProtocol
    }

    /// The queue all readiness sources report on; their handlers only flip state and resume.
    private static let queue = DispatchQueue(label: "http.socket-readiness")

    /// Suspends until `descriptor` is ready for `event`; throws `CancellationError` if cancelled first.
    package static func wait(for event: Event, on descriptor: Int32) async throws {
        let readiness = SocketReadiness()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                readiness.start(event, on: descriptor, resuming: continuation)
            }
        } onCancel: {
            readiness.cancel()
        }
    }

    private func start(_ event: Event, on descriptor: Int32, resuming continuation: CheckedContinuation<Void, any Error>) {
        let startedWatching = state.withLock { state -> Bool in
            guard case .idle = state else {
                state = .finished
                return false
            }
            let source: any DispatchSourceProtocol = switch event {
            case .readable: DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: Self.queue)
            case .writable: DispatchSource.makeWriteSource(fileDescriptor: descriptor, queue: Self.queue)
            }
            source.setEventHandler { [self] in fire() }
            source.setCancelHandler { [self] in finish(resuming: continuation) }
            state = .watching(SourceHandle(source: source), taskCancelled: false)
            // Created and activated under the lock, so `cancel()` always finds an active
            // source (Dispatch forbids releasing one that was never activated).
            source.activate()
            return true
        }
        if !startedWatching { continuation.resume(throwing: CancellationError()) }
    }

    /// The descriptor is ready: stop watching; the cancel handler resumes the task.
    private func fire() {
        state.withLock { state in
            if case .watching(let handle, _) = state { handle.source.cancel() }
        }
    }

    /// The task was cancelled: stop watching and have the cancel handler throw.
    private func cancel() {
        state.withLock { state in
            switch state {
            case .idle:
                state = .cancelledBeforeStart
            case .watching(let handle, _):
                state = .watching(handle, taskCancelled: true)
                handle.source.cancel()
            case .cancelledBeforeStart, .finished:
                break
            }
        }
    }

    /// Runs once per source, after Dispatch has stopped watching the descriptor.
    private func finish(resuming continuation: CheckedContinuation<Void, any Error>) {
        let wasCancelled = state.withLock { state -> Bool in
            defer { state = .finished }  // drops the source, breaking the source → handler → self cycle
            if case .watching(_, let taskCancelled) = state { return taskCancelled }
            return false
        }
        if wasCancelled {
            continuation.resume(throwing: CancellationError())
        } else {
            continuation.resume()
        }
    }
}
