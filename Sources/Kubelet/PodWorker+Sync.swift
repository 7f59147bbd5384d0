// Stage 1 · Kubelet: one sync of a pod — compare the spec with the runtime, then act.
//
// This is the kubelet's `SyncPod` and the runtime manager's `computePodActions`, in
// the order Kubernetes does things:
//
//   0. a pod past its `activeDeadlineSeconds` has failed: kill everything, start nothing;
//   1. make sure the pod has a sandbox (the shared home of its containers);
//   2. ask the runtime how every container really is;
//   3. run the init containers, one at a time, each to success;
//   4. then keep every app container as the restart policy says: start what never
//      ran, restart what exited (after its back-off), kill what failed its liveness probe,
//      and kill and start again one whose spec changed (`kubectl set image`);
//   5. compute the pod's status and hand it to the status manager.

import API
import CRI
import Foundation

extension PodWorker {
    /// Brings the pod one step closer to its spec, then records its status.
    func sync() async {
        guard state == .syncing else { return }
        if startTime == nil { startTime = Time.now() }
        if await enforceActiveDeadline() {
            await refreshContainerStatuses()
            await publishStatus()
            return
        }
        if await ensureSandbox() {
            await refreshContainerStatuses()
            if await runInitContainers() {
                for container in pod.spec.containers {
                    guard state == .syncing else { break }
                    await syncAppContainer(container)
                }
            }
        }
        await publishStatus()
    }

    /// Asks the runtime about every container this worker created, noting ones that exited.
    func refreshContainerStatuses() async {
        for (name, record) in containers {
            guard let status = try? await runtime.containerStatus(id: record.id) else { continue }
            if record.status.state != .exited && status.state == .exited {
                logger.info("container exited", [
                    "name": name, "pod": pod.metadata.name,
                    "exitCode": status.exitCode, "reason": status.reason,
                ])
            }
            containers[name]?.status = status
        }
    }

    /// Runs the init containers in order; true once every one of them has succeeded.
    ///
    /// Only one init container runs at a time. A failed one is restarted (with back-off)
    /// unless the restart policy is `Never`, in which case the whole pod has failed.
    func runInitContainers() async -> Bool {
        for container in pod.spec.initContainers {
            guard let record = containers[container.name] else {
                await startContainer(container, restartCount: 0, previous: nil)
                return false
            }
            switch record.status.state {
            case .exited where record.status.exitCode == 0:
                continue
            case .exited:
                if pod.spec.restartPolicy == .never {
                    if !hasFailedForGood {
                        hasFailedForGood = true
                        logger.warning("init container failed, the pod has failed", ["name": container.name, "pod": pod.metadata.name])
                    }
                } else {
                    await restartAfterBackoff(container, record: record)
                }
                return false
            default:
                return false
            }
        }
        return true
    }

    /// Keeps one app container as the restart policy says.
    func syncAppContainer(_ container: Container) async {
        guard let record = containers[container.name] else {
            await startContainer(container, restartCount: 0, previous: nil)
            return
        }
        switch record.status.state {
        case .running:
            if let failure = probeResults[container.name]?.livenessFailure, failure.containerID == record.id {
                await killForFailedLiveness(container, record: record, message: failure.message)
            } else if record.spec != container {
                await restartForChangedDefinition(container, record: record)
            }
        case .exited:
            if Self.shouldRestart(exitCode: record.status.exitCode, policy: pod.spec.restartPolicy ?? .always) {
                await restartAfterBackoff(container, record: record)
            }
        case .created, .unknown:
            // A container that was created but never started: start it now.
            do {
                try await runtime.startContainer(id: record.id)
            } catch {
                waiting[container.name] = WaitingReason(reason: "RunContainerError", message: "\(error)")
            }
        }
    }

    /// Kubernetes' restart rule: `Always` restarts, `OnFailure` restarts on a non-zero exit, `Never` does not.
    static func shouldRestart(exitCode: Int32, policy: RestartPolicy) -> Bool {
        switch policy {
        case .always: true
        case .onFailure: exitCode != 0
        case .never: false
        }
    }

    /// Restarts an exited container, unless it is still in its crash-loop back-off.
    func restartAfterBackoff(_ container: Container, record: ContainerRecord) async {
        let key = "\(pod.metadata.uid)/\(container.name)"
        let finishedAt = record.status.finishedAt ?? Date()
        let now = Date()
        if backoff.isInBackoff(key, since: finishedAt, now: now) {
            let delay = backoff.delay(for: key) ?? configuration.backoff.initial
            let message = "back-off \(delay.kubernetesDescription) restarting failed container=\(container.name) pod=\(pod.metadata.name)_\(pod.metadata.namespace)(\(pod.metadata.uid))"
            if waiting[container.name]?.reason != "CrashLoopBackOff" {
                logger.info("back-off restarting container", ["name": container.name, "pod": pod.metadata.name, "delay": delay.kubernetesDescription])
                await recorder.record(.warning, reason: "BackOff", message: "Back-off restarting failed container \(container.name) in pod \(pod.metadata.name)", pod: pod)
            }
            waiting[container.name] = WaitingReason(reason: "CrashLoopBackOff", message: message)
            return
        }
        backoff.next(key, finishedAt: finishedAt, now: now)
        try? await runtime.removeContainer(id: record.id)
        await startContainer(container, restartCount: record.restartCount + 1, previous: record.status)
    }

    /// Computes the pod's status from what the worker knows, and records it.
    func publishStatus() async {
        let generator = PodStatusGenerator(
            pod: pod,
            containers: containers,
            waiting: waiting,
            probeResults: probeResults,
            hasFailedForGood: hasFailedForGood,
            hostIP: hostIP,
            startTime: startTime,
            podFailure: podFailure
        )
        let previous = await statusManager.status(ofPod: pod.metadata.uid)
        let status = generator.status(previous: previous, now: Time.now())
        await statusManager.setStatus(status, forPod: pod.metadata.uid)
    }
}
