// Stage 2 · APIServer: deleting, gracefully when something is running.
//
// Deleting most objects removes them at once. A pod that a kubelet is running is
// different: its containers deserve their grace period (SIGTERM, time to finish, then
// SIGKILL). So deleting such a pod only *marks* it: the server sets
// `deletionTimestamp` (when the grace period ends) and `deletionGracePeriodSeconds`,
// and answers. The kubelet sees the mark, stops the containers, and then deletes the
// pod again with a grace period of 0, which removes it for good. `kubectl delete pod`
// waits until that has happened.

import API
import APIMachinery
import Foundation

extension RESTStorage {
    /// Deletes object `name`: marks it when it needs a grace period, removes it otherwise.
    /// With `dryRun`, returns what the deletion would leave and changes nothing.
    public func delete(namespace: String, name: String, options: DeleteOptions, dryRun: Bool = false) async throws(Status) -> Object {
        let (object, revision) = try await read(namespace: namespace, name: name)
        if let precondition = options.preconditions {
            if let uid = precondition.uid, uid != object.metadata.uid {
                throw Status.conflict(groupResource, name: name,
                                      reason: "Precondition failed: UID in precondition: \(uid), UID in object meta: \(object.metadata.uid)")
            }
            if let version = precondition.resourceVersion, version != object.metadata.resourceVersion {
                throw Status.conflict(groupResource, name: name, reason: Status.optimisticLockMessage)
            }
        }
        // A kind that waits for a cleanup is marked, and stays until the cleanup is done.
        if let marked = Strategy.markedForDeletion(object, now: Time.now()) {
            return marked == object ? object : try await write(marked, expectedRevision: revision, dryRun: dryRun)
        }
        guard let grace = Strategy.gracePeriod(for: object, options: options) else {
            return try await remove(namespace: namespace, name: name, expectedRevision: revision, dryRun: dryRun)
        }
        // Already being deleted with a grace period at least as short: nothing to change.
        if let current = object.metadata.deletionGracePeriodSeconds, current <= grace { return object }
        var marked = object
        marked.metadata.deletionGracePeriodSeconds = grace
        marked.metadata.deletionTimestamp = Time(secondsSince1970: Time.now().secondsSince1970 + grace)
        return try await write(marked, expectedRevision: revision, dryRun: dryRun)
    }
}
