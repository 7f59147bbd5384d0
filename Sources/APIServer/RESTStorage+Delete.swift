// Stage 2 · APIServer: deleting, gracefully when something is running, later when finalizers wait.
//
// Deleting most objects removes them at once. A pod that a kubelet is running is
// different: its containers deserve their grace period (SIGTERM, time to finish, then
// SIGKILL). So deleting such a pod only *marks* it: the server sets
// `deletionTimestamp` (when the grace period ends) and `deletionGracePeriodSeconds`,
// and answers. The kubelet sees the mark, stops the containers, and then deletes the
// pod again with a grace period of 0, which removes it for good. `kubectl delete pod`
// waits until that has happened. A later delete may shorten the grace period
// (`--grace-period=1`, `--now`), never lengthen it.
//
// Finalizers (`metadata.finalizers`) hold an object back the same way, for as long as
// they are there: each names someone who must clean up before the object may go. A
// delete of an object with finalizers marks it (at once: `deletionTimestamp` now, grace
// 0, when it needs no grace period) and keeps it; whoever removes the last finalizer
// with an update or patch removes the object too (`removeIfFinalized`), as Kubernetes'
// store does in `shouldDeleteDuringUpdate`.

import API
import APIMachinery
import Foundation

extension RESTStorage {
    /// Deletes object `name`: marks it when it needs a grace period or has finalizers,
    /// removes it otherwise. With `dryRun`, returns what the deletion would leave and changes nothing.
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
        // A kind that waits for a cleanup of its own (a namespace, for its contents) is marked
        // its own way, and stays until the cleanup is done.
        if let marked = Strategy.markedForDeletion(object, now: Time.now()) {
            return marked == object ? object : try await write(marked, expectedRevision: revision, dryRun: dryRun)
        }
        // A pod already being deleted with a grace period keeps its mark unless this delete is shorter.
        let grace = Strategy.gracePeriod(for: object, options: options) ?? 0
        if grace == 0 && object.metadata.finalizers.isEmpty {
            return try await remove(namespace: namespace, name: name, expectedRevision: revision, dryRun: dryRun)
        }
        if let current = object.metadata.deletionGracePeriodSeconds, current <= grace { return object }
        var marked = object
        marked.metadata.deletionGracePeriodSeconds = grace
        marked.metadata.deletionTimestamp = Time(secondsSince1970: Time.now().secondsSince1970 + grace)
        return try await write(marked, expectedRevision: revision, dryRun: dryRun)
    }

    /// After an update: removes `object` if a delete marked it with a grace period of 0 and
    /// nothing holds it any more (no finalizer left), and returns it as it last was. A
    /// namespace's mark has no grace period, so clearing its finalizers keeps it, as in
    /// Kubernetes: the namespace controller deletes it once more when it has emptied it.
    func removeIfFinalized(_ object: Object, dryRun: Bool) async throws(Status) -> Object {
        guard object.metadata.deletionTimestamp != nil, object.metadata.finalizers.isEmpty,
              object.metadata.deletionGracePeriodSeconds == 0 else { return object }
        if dryRun { return object }
        do {
            return try await remove(namespace: object.metadata.namespace, name: object.metadata.name,
                                    expectedRevision: Int64(object.metadata.resourceVersion))
        } catch let status where status.code == 404 {
            return object
        }
    }
}
