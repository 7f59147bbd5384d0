// Stage 4 · Scheduler: "something changed": how a waiting task of the queue is woken.
//
// Two of the queue's tasks wait: `pop` for a pod in the active queue, `run` for its next
// deadline or for a new, earlier one. Neither polls. Each reads the wakeup's generation,
// looks at the queue, and, finding nothing to do, waits for the generation to move on;
// whoever changes the queue calls `signal`. Because the generation is read while the
// queue is inspected (on the actor), a signal that comes between the look and the wait is
// not lost: the wait sees a newer generation and returns at once.
//
// The waiters live behind a `Mutex`, not on the actor, so that a task's cancellation
// handler (which runs synchronously, on any thread) can resume its own waiter.

import Synchronization

/// A generation counter that tasks can wait on; one per kind of waiting, owned by `SchedulingQueue`.
final class QueueWakeup: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var nextWaiter: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    /// The number of signals so far.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// Wakes every waiter.
    func signal() {
        let waiters = state.withLock { state in
            state.generation &+= 1
            defer { state.waiters = [:] }
            return state.waiters
        }
        for waiter in waiters.values { waiter.resume() }
    }

    /// Returns once the generation is past `seen`, or at once if it already is, or when
    /// the task is cancelled (the caller checks which).
    func wait(after seen: UInt64) async {
        let id = state.withLock { state in
            state.nextWaiter &+= 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.generation != seen || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
