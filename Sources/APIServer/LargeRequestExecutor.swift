// Stage 2 · APIServer: a request with a large body is served on a thread of its own.
//
// Swift runs every request's task on one shared pool of threads, as many as the machine
// has cores, and a task keeps its thread until it reaches an `await`: nothing preempts
// it. Reading, checking, encoding and storing a 1 MB pod is a few hundred milliseconds
// of work with no `await` inside its steps, so on a 2-core machine two such requests
// held the whole pool, and every small request (a kubelet's status update, a `kubectl
// get`) waited behind them for seconds. Go, which Kubernetes is written in, preempts a
// goroutine that runs too long; here the large request is moved out of the way instead.
//
// A request whose body is over `threshold` runs with this executor as its task's
// preference (SE-0417): its code, and the store calls it makes, run on one thread that
// is not the pool's. Large requests take turns on that thread, the operating system
// shares the cores between it and the pool, and a small request never waits for a large
// one's turn to end. Large requests together use at most one core's worth of time, which
// is the price of that: under a flood of them, each waits for the ones before it.

import Dispatch
import HTTP

/// The executor large requests run on; `RESTEndpoint.serve` chooses it by body size.
final class LargeRequestExecutor: TaskExecutor, Sendable {
    /// The one executor every large request shares.
    static let shared = LargeRequestExecutor()

    /// Bodies over this many bytes make a request large: far beyond any ordinary object
    /// (a pod is 1-5 KB), well under the 3 MiB a body may have.
    static let threshold = 256 * 1024

    /// A serial queue: in libdispatch one gets a thread of its own when it has work,
    /// outside the width-limited pool that runs Swift's tasks.
    private let queue = DispatchQueue(label: "apiserver.large-requests")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    /// Whether `request` should run here.
    static func isLarge(_ request: HTTPRequest) -> Bool { request.body.count > threshold }
}
