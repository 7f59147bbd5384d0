// Stage 2 · KubeletAPI: the subscribers of a pod lister, each handed the newest list.
//
// The kubelet's pod source and its pod deleter both subscribe to the `PodLister` of the
// node's pods. Every list goes to every subscriber; a reader that is behind keeps only the
// newest (an older list of the node's pods is of no use once a newer one exists), and a
// subscriber is forgotten as soon as its reader stops. Stage 2's polling lister and stage
// 3's informer lister differ in where the lists come from, not in how they are handed out.

import API
import Synchronization

/// The streams a pod lister hands its lists to.
package final class PodListSubscribers: Sendable {
    private struct State {
        var nextID = 0
        var continuations: [Int: AsyncStream<[Pod]>.Continuation] = [:]
    }
    private let state = Mutex(State())

    package init() {}

    /// A new subscriber's stream, handed `current` first when there is a list already.
    package func subscribe(startingWith current: [Pod]?) -> AsyncStream<[Pod]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [Pod].self, bufferingPolicy: .bufferingNewest(1))
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            state.continuations[state.nextID] = continuation
            return state.nextID
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.continuations.removeValue(forKey: id) }
        }
        if let current { continuation.yield(current) }
        return stream
    }

    /// Hands `pods` to every subscriber.
    package func send(_ pods: [Pod]) {
        for continuation in state.withLock({ Array($0.continuations.values) }) { continuation.yield(pods) }
    }
}
