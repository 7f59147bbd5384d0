// Stage 1 · Kubelet: the table of pod workers, one per pod, by uid.
//
// The kubelet's main loop adds a worker when a pod appears and asks it to terminate
// when the pod disappears; the HTTP API looks workers up to find a container's logs.
// A worker that is still stopping its pod stays in the table, marked terminating, so
// that a pod which comes back with the same uid waits for the old one to be gone.

import API

/// Every pod worker of this kubelet, by pod uid.
actor PodWorkers {
    private var workers: [String: PodWorker] = [:]
    private var terminating: Set<String> = []
    // Stage 3 > the kubelet tells who asks the moment a pod's worker is gone, so an informer-fed kubelet confirms a deletion at once
    /// How many removals may wait for an observer that has not read them; older ones are
    /// dropped first, which costs an observer that only needs to look again nothing.
    static let removalBuffer = 256
    private var removalObservers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextRemovalObserver = 0

    /// The uid of each pod whose worker is removed from now on, in order.
    func removals() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(Self.removalBuffer))
        let id = nextRemovalObserver
        nextRemovalObserver += 1
        removalObservers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeRemovalObserver(id) }
        }
        return stream
    }

    private func removeRemovalObserver(_ id: Int) { removalObservers[id] = nil }
    // Stage 3 <

    /// The worker of pod `uid`, if it has one.
    func worker(forPod uid: String) -> PodWorker? { workers[uid] }

    /// Every worker, including ones still terminating.
    var all: [PodWorker] { Array(workers.values) }

    /// The uids of pods with a worker that is not terminating.
    var activeUIDs: Set<String> { Set(workers.keys).subtracting(terminating) }

    /// True while pod `uid` has a worker, terminating or not.
    func hasWorker(forPod uid: String) -> Bool { workers[uid] != nil }

    func add(_ worker: PodWorker, forPod uid: String) {
        workers[uid] = worker
    }

    /// Asks pod `uid`'s worker to stop the pod; it stays in the table until `remove`.
    func terminate(pod uid: String) {
        guard let worker = workers[uid], terminating.insert(uid).inserted else { return }
        worker.requestTermination()
    }

    /// Forgets pod `uid`'s worker once its `run` has returned.
    func remove(pod uid: String) {
        workers[uid] = nil
        terminating.remove(uid)
        // Stage 3 > the kubelet tells who asks the moment a pod's worker is gone, so an informer-fed kubelet confirms a deletion at once
        for observer in removalObservers.values { observer.yield(uid) }
        // Stage 3 <
    }
}
