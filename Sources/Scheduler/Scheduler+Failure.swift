// Stage 4 · Scheduler: what a pod that could not be placed is told, and where it waits.
//
// A pod that fits nowhere is not an error to log and forget. The user must be told, in
// the words `kubectl describe pod` shows:
//
//   Conditions:  PodScheduled  False
//   Events:      Warning  FailedScheduling  default-scheduler  0/3 nodes are available: 3 Insufficient cpu. …
//
// so the scheduler writes both: a `FailedScheduling` Event, and the pod's `PodScheduled`
// condition (reason `Unschedulable`, or `SchedulerError` when something broke rather
// than nothing fitting), with the node that preemption nominated, if any. Then the pod
// goes back to the queue, to the unschedulable pods, until an event that may help
// arrives (kube-scheduler's `handleSchedulingFailure`). A pod deleted or bound meanwhile
// is left alone: the informer's copy, not the queued one, says which.

import API
import Client
import Common
import Informers
import SchedulerFramework

/// Why a pod is not scheduled: the reason of its `PodScheduled=False` condition.
enum PodScheduledReason: String, Sendable {
    /// Nothing fits; the pod waits for the cluster to change.
    case unschedulable = "Unschedulable"
    /// Something failed on the way (a binding refused, the API server unreachable).
    case schedulerError = "SchedulerError"
}

extension Scheduler {
    /// Records the failure, writes the pod's condition, and puts the pod back in the queue.
    func handleSchedulingFailure(
        _ queued: QueuedPodInfo, cycle: Int64, reason: PodScheduledReason, message: String,
        unschedulablePlugins: Set<String> = [], nominatedNodeName: String? = nil, pods: SharedInformer<Pod>
    ) async {
        let pod = queued.pod
        let key = "\(pod.metadata.namespace)/\(pod.metadata.name)"
        if reason == .unschedulable {
            logger.info("unable to schedule pod; no fit; waiting", ["pod": key, "err": message])
        } else {
            logger.warning("error scheduling pod; retrying", ["pod": key, "err": message])
        }
        guard let current = pods.indexer.get(key: key), current.metadata.uid == pod.metadata.uid else {
            logger.debug("pod no longer exists; not retrying it", ["pod": key])
            return await queue.done(pod.metadata.uid)
        }
        guard current.spec.nodeName.isEmpty else {
            logger.debug("pod has been assigned to a node; not retrying it", ["pod": key])
            return await queue.done(pod.metadata.uid)
        }
        var requeued = queued
        requeued.pod = current
        requeued.unschedulablePlugins = unschedulablePlugins
        await queue.addUnschedulableIfNotPresent(requeued, podSchedulingCycle: cycle)
        if let nominatedNodeName { await queue.addNominatedPod(current, nodeName: nominatedNodeName) }
        await queue.done(pod.metadata.uid)

        recorder.record(pod, type: "Warning", reason: "FailedScheduling", action: "Scheduling", message: message)
        let condition = PodCondition(type: .podScheduled, status: .false, reason: reason.rawValue, message: message)
        await updatePodScheduledCondition(current, condition, nominatedNodeName: nominatedNodeName)
    }

    /// Writes the `PodScheduled` condition (and a nominated node) when either changed:
    /// a pod failing again for the same reason costs no write (Kubernetes' `updatePod`).
    func updatePodScheduledCondition(_ pod: Pod, _ condition: PodCondition, nominatedNodeName: String?) async {
        var status = pod.status
        let changed = status.setCondition(condition, now: .now())
        let nominatedChanged = nominatedNodeName.map { $0 != status.nominatedNodeName } ?? false
        guard changed || nominatedChanged else { return }
        do {
            try await client.patch(Pod.self, namespace: pod.metadata.namespace, name: pod.metadata.name,
                                   mergePatch: PodSchedulingStatusPatch(conditions: status.conditions, nominatedNodeName: nominatedNodeName),
                                   subresource: "status")
        } catch {
            logger.warning("cannot update pod condition", ["pod": pod.metadata.name, "error": error])
        }
    }
}

extension PodStatus {
    /// Sets `condition` as Kubernetes' `UpdatePodCondition` does: the transition time
    /// moves only when the status changes. Returns whether anything changed.
    mutating func setCondition(_ condition: PodCondition, now: Time) -> Bool {
        guard let index = conditions.firstIndex(where: { $0.type == condition.type }) else {
            var added = condition
            added.lastTransitionTime = now
            conditions.append(added)
            return true
        }
        let old = conditions[index]
        var new = condition
        new.lastTransitionTime = old.status == condition.status ? old.lastTransitionTime : now
        guard new != old else { return false }
        conditions[index] = new
        return true
    }
}

/// The status fields a scheduling failure writes: `{"status": {"conditions": […], "nominatedNodeName": …}}`.
/// A merge patch replaces a list whole; the conditions of a pod with no node are the
/// scheduler's alone (no kubelet writes them yet), so sending them all loses nothing.
struct PodSchedulingStatusPatch: Encodable, Sendable {
    var conditions: [PodCondition]
    var nominatedNodeName: String?

    struct Status: Encodable, Sendable {
        var conditions: [PodCondition]
        var nominatedNodeName: String?
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(["status": Status(conditions: conditions, nominatedNodeName: nominatedNodeName)])
    }
}
