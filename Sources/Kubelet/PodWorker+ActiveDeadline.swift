// Stage 1 · Kubelet: a pod that has run longer than its `activeDeadlineSeconds` has failed.
//
// `spec.activeDeadlineSeconds` bounds how long a pod may be active on its node, counted
// from its `status.startTime` (Jobs use it as a timeout). Once past it, Kubernetes'
// kubelet (`active_deadline.go`) records a `DeadlineExceeded` event, kills every
// container with the pod's grace period, starts nothing more, and reports the pod as
// `Failed` with reason `DeadlineExceeded`. The pod object stays, failed, until someone
// deletes it. The deadline may be set or shortened on a running pod (the API server
// allows that update), so it is checked at every sync.

import API

extension PodWorker {
    /// The reason and message of a pod failed by its deadline, in Kubernetes' words.
    static let deadlineExceeded = WaitingReason(
        reason: "DeadlineExceeded", message: "Pod was active on the node longer than the specified deadline")

    /// True when the pod has failed for good; on first noticing the deadline has passed,
    /// kills the pod's containers.
    func enforceActiveDeadline() async -> Bool {
        if podFailure != nil { return true }
        guard let deadline = pod.spec.activeDeadlineSeconds, let startTime,
              Time.now().secondsSince1970 - startTime.secondsSince1970 >= deadline else { return false }
        podFailure = Self.deadlineExceeded
        logger.info("pod passed its active deadline, killing it", ["pod": pod.metadata.name, "activeDeadlineSeconds": deadline])
        await recorder.record(.normal, reason: Self.deadlineExceeded.reason, message: Self.deadlineExceeded.message, pod: pod)
        await killRunningContainers(gracePeriod: terminationGracePeriod)
        return true
    }
}
