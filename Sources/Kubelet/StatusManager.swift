// Stage 1 · Kubelet: the latest status of every pod, as its worker last computed it.
//
// Pod workers write a pod's status each time they sync it; the read-only HTTP API
// reads it. Kubernetes' `status.Manager` also sends each status to the API server;
// stage 2 adds that by observing this manager's changes through `changes()`.

import API

/// Keeps the latest `PodStatus` of each pod, by uid.
public actor StatusManager {
    private var statuses: [String: PodStatus] = [:]
    private var observers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextObserver = 0

    public init() {}

    /// Records the status of pod `uid`; observers hear of it only when it changed.
    public func setStatus(_ status: PodStatus, forPod uid: String) {
        guard statuses[uid] != status else { return }
        statuses[uid] = status
        for observer in observers.values { observer.yield(uid) }
    }

    /// The latest status of pod `uid`, if its worker has computed one.
    public func status(ofPod uid: String) -> PodStatus? { statuses[uid] }

    /// Forgets pod `uid`, once its worker has stopped it.
    public func removeStatus(ofPod uid: String) {
        statuses[uid] = nil
    }

    /// A stream of the uids of pods whose status changed, for whoever reports statuses onward.
    public func changes() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(256))
        let id = nextObserver
        nextObserver += 1
        observers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeObserver(id) }
        }
        return stream
    }

    private func removeObserver(_ id: Int) { observers[id] = nil }
}
