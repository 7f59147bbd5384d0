// Stage 4 · Scheduler: how many binding cycles may talk to the API server at once.
//
// Binding cycles run beside the scheduling loop, one task per pod, and the loop is fast:
// a burst of pending pods becomes hundreds of bindings within a second. Each binding is a
// POST, and over HTTP/1.1 each POST in flight holds a connection of its own; unbounded,
// a burst opens hundreds of connections, past what the API server accepts from one
// address, and it starts refusing every client on the machine. client-go never gets
// there: its requests share HTTP/2 connections and wait for its rate limiter. Here a
// binding waits for one of a fixed number of slots, so the connections stay within the
// client's pool; the scheduling loop itself never waits.

/// A counting semaphore of binding slots, taken in the order asked for.
actor BindingSlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// `count` slots, all free.
    init(count: Int) {
        free = count
    }

    /// Takes a slot, waiting for one when all are taken.
    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Gives a slot back: to the first binding waiting, else to the free ones.
    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
