// Stage 2 · KubeletAPI: the last step of a graceful deletion.
//
// `kubectl delete pod web` does not remove the pod at once. The API server sets
// `metadata.deletionTimestamp` (and the grace period) and keeps the object; the pod is
// now *terminating*. The kubelet running it must stop its containers, each within the
// grace period, and only then tell the API server "it is gone" by deleting the pod once
// more with `gracePeriodSeconds: 0`, which removes the object for good. (Kubernetes'
// status manager does that in `canBeDeleted`/`syncPod`.)
//
// The work is shared:
//   - `APIServerSource` passes terminating pods on with their mark, so the kubelet's
//     main loop asks their workers to stop them, with the deletion's grace period;
//   - this loop, on every list of the node's pods (`PodLister`), finds each terminating
//     one that has no worker any more (stopped, or never started), and sends the final
//     DELETE. A pod whose finalizers hold it after that (grace period 0 already) is left
//     alone: it goes when whoever owns the finalizers removes them. The uid precondition makes sure it removes that pod, not a
//     new one of the same name.
// Looking at the kubelet's worker table, instead of a callback from the workers, keeps
// stage 1's `Kubelet.swift` unchanged; the cost is up to one poll of delay. A list may
// be a poll old, so a pod already gone is simply skipped (NotFound).

import API
import APIMachinery
import Client
import Common
import Kubelet

/// Confirms the deletion of terminating pods whose containers have stopped; run by `KubeletAPIConnection`.
struct PodDeleter: Sendable {
    let client: APIClient
    let nodeName: String
    let podManager: PodManager
    /// Whether the kubelet still has a worker for a pod uid: while it has, the pod is stopping.
    let hasWorker: @Sendable (String) async -> Bool
    let logger: Logger

    /// Checks on every list of `pods` until cancelled.
    func run(pods: any PodLister) async {
        for await listed in await pods.updates() {
            do {
                try await sync(listed)
            } catch {
                logger.warning("cannot check terminating pods", ["node": nodeName, "error": error])
            }
        }
    }

    /// One pass: delete every terminating pod of this node, in `pods`, that has stopped.
    func sync(_ pods: [Pod]) async throws(APIError) {
        let terminating = pods.filter {
            $0.metadata.deletionTimestamp != nil && $0.metadata.annotations[ConfigAnnotation.mirror] == nil
        }
        guard !terminating.isEmpty else { return }
        let desired = Set(await podManager.pods.filter { $0.metadata.deletionTimestamp == nil }.map(\.metadata.uid))
        for pod in terminating {
            let uid = pod.metadata.uid
            guard !desired.contains(uid), await !hasWorker(uid) else { continue }
            if pod.metadata.deletionGracePeriodSeconds == 0 && !pod.metadata.finalizers.isEmpty { continue }
            do {
                try await client.delete(
                    Pod.self, namespace: pod.metadata.namespace, name: pod.metadata.name,
                    options: DeleteOptions(gracePeriodSeconds: 0, preconditions: Preconditions(uid: uid)))
                logger.info("pod deleted", ["pod": pod.metadata.name, "namespace": pod.metadata.namespace])
            } catch let error where error.isNotFound {
                continue
            }
        }
    }
}
