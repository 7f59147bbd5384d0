// Stage 4 · Scheduler: one pod's way through the scheduler (kube-scheduler's `ScheduleOne`).
//
// The scheduling cycle decides and the binding cycle makes it so:
//
//   scheduling cycle (serial)                     binding cycle (concurrent)
//   ─────────────────────────                     ──────────────────────────
//   snapshot the cache                             PreBind
//   filter, score, pick a node (`SchedulingAlgorithm`) Bind: POST pods/{name}/binding
//   none fits: PostFilter (preemption), fail       the cache's binding is finished
//   assume the pod on the node                     PostBind, the Scheduled event
//   Reserve, Permit
//
// Anything that fails after the pod is assumed undoes what came before it: Unreserve,
// then the cache forgets the pod, so its resources are free for the next pod, and the
// pod goes back to the queue to be tried again.

import API
import Common
import Informers
import SchedulerFramework

/// A decision on its way to the API server: the pod as assumed, with its node and cycle.
struct PlacedPod: Sendable {
    var queued: QueuedPodInfo
    var assumed: Pod
    var nodeName: String
    var state: CycleState
    var cycle: Int64
}

extension Scheduler {
    /// Decides where `queued` goes and assumes it there; nil when it goes nowhere (yet).
    func schedulingCycle(
        _ queued: QueuedPodInfo, cycle: Int64, pods: SharedInformer<Pod>, snapshot: inout Snapshot
    ) async -> PlacedPod? {
        let pod = queued.pod
        // A pod being deleted is not placed (kube-scheduler's skipPodSchedule).
        guard pod.metadata.deletionTimestamp == nil else {
            await queue.done(pod.metadata.uid)
            return nil
        }
        let state = CycleState()
        await cache.updateSnapshot(&snapshot)
        // Pods that preemption promised a node count there, so that no smaller pod takes
        // the room their victims are freeing.
        snapshot.nominatedPods = await queue.nominatedPodsByNode().mapValues { $0.map(PodInfo.init) }
        let result: ScheduleResult
        do {
            result = try await algorithm.schedulePod(pod, state: state, snapshot: snapshot)
        } catch let fitError as FitError {
            var fitError = fitError
            // Nothing fits: PostFilter may make room by preempting lower-priority pods,
            // and nominates the node it made room on.
            let (nominated, status) = await framework.runPostFilterPlugins(
                state, pod, fitError.diagnosis.nodeToStatus, snapshot)
            if !status.isSuccess, !status.reasons.isEmpty {
                fitError.postFilterMessage = status.reasons.joined(separator: ", ")
            }
            await handleSchedulingFailure(queued, cycle: cycle, reason: .unschedulable, message: fitError.description,
                                          unschedulablePlugins: fitError.diagnosis.unschedulablePlugins,
                                          nominatedNodeName: nominated, pods: pods)
            return nil
        } catch {
            await handleSchedulingFailure(queued, cycle: cycle, reason: .schedulerError, message: "\(error)", pods: pods)
            return nil
        }

        // Assume: the cache counts the pod on its node from now on, before the API server
        // has heard of the decision, so the next cycle sees the room it takes.
        var assumed = pod
        assumed.spec.nodeName = result.suggestedHost
        do {
            try await cache.assumePod(assumed)
        } catch {
            await handleSchedulingFailure(queued, cycle: cycle, reason: .schedulerError, message: "\(error)", pods: pods)
            return nil
        }
        let placed = PlacedPod(queued: queued, assumed: assumed, nodeName: result.suggestedHost, state: state, cycle: cycle)
        let reserved = await framework.runReservePluginsReserve(state, assumed, result.suggestedHost)
        guard reserved.isSuccess else {
            await undo(placed, status: reserved, pods: pods)
            return nil
        }
        let permitted = await framework.runPermitPlugins(state, assumed, result.suggestedHost)
        guard permitted.isSuccess else {
            await undo(placed, status: permitted, pods: pods)
            return nil
        }
        return placed
    }

    /// Sends the decision to the API server, and tells the pod's story in an Event.
    func bindingCycle(_ placed: PlacedPod, pods: SharedInformer<Pod>) async {
        let (state, pod, nodeName) = (placed.state, placed.assumed, placed.nodeName)
        // PreBind and Bind are the cycle's requests; a slot bounds how many are in flight.
        await bindingSlots.acquire()
        let preBound = await framework.runPreBindPlugins(state, pod, nodeName)
        guard preBound.isSuccess else {
            await bindingSlots.release()
            return await undo(placed, status: preBound, pods: pods)
        }
        let bound = await framework.runBindPlugins(state, pod, nodeName)
        await bindingSlots.release()
        guard bound.isSuccess else { return await undo(placed, status: bound, pods: pods) }
        // The binding is written; the cache keeps the pod assumed until the informer
        // brings the bound pod back, which confirms it.
        await cache.finishBinding(pod)
        await framework.runPostBindPlugins(state, pod, nodeName)
        let namespace = pod.metadata.namespace.isEmpty ? "default" : pod.metadata.namespace
        recorder.record(pod, type: "Normal", reason: "Scheduled", action: "Binding",
                        message: "Successfully assigned \(namespace)/\(pod.metadata.name) to \(nodeName)")
        logger.debug("bound pod", ["pod": "\(namespace)/\(pod.metadata.name)", "node": nodeName,
                                   "attempts": placed.queued.attempts])
        await queue.done(pod.metadata.uid)
    }

    /// Undoes an assumed decision that a later step refused: Unreserve, forget, then
    /// the failure's Event and condition, and back to the queue.
    func undo(_ placed: PlacedPod, status: Status, pods: SharedInformer<Pod>) async {
        await framework.runReservePluginsUnreserve(placed.state, placed.assumed, placed.nodeName)
        await cache.forgetPod(placed.assumed)
        // What this pod was holding is free again: pods waiting for room may fit now.
        await queue.moveAllToActiveOrBackoffQueue(.assignedPodDelete)
        let reason: PodScheduledReason = status.code == .unschedulable || status.code == .unschedulableAndUnresolvable
            ? .unschedulable : .schedulerError
        let message = status.reasons.isEmpty ? "\(status.code) from plugin \(status.plugin)" : status.reasons.joined(separator: ", ")
        await handleSchedulingFailure(placed.queued, cycle: placed.cycle, reason: reason, message: message, pods: pods)
    }
}
