// Stage 2 · KubeletAPI: the kubelet's one view of the pods the API server binds to its node.
//
// Three parts of the kubelet read the node's pods from the API server: the pod source
// (which pods to run), the pod deleter (which terminating pods have stopped) and the
// mirror pod manager (which mirrors exist). They share one `PodLister`, so the API
// server is asked once for all three:
//
//   stage 2   PollingPodLister   GET /api/v1/pods?fieldSelector=spec.nodeName=<node>, every --api-poll-frequency
//   stage 3   an informer        one list, then a watch; its `main` passes it instead
//
// Each user subscribes to `updates()` and gets the whole list after every look (and,
// with an informer, after every change), latest first: a user that falls behind skips
// to the newest list, which is all a level-based loop needs.

import API

/// The pods bound to this node, as the API server last showed them; given to
/// `KubeletAPIConnection` by the stage's `main`.
public protocol PodLister: Sendable {
    /// The node's pods after each look, beginning with the latest list if there is one.
    func updates() async -> AsyncStream<[Pod]>
    /// Keeps looking until cancelled.
    func run() async throws
}
