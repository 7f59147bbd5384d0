// Stage 1 · Kubelet: a pod's status, computed from what its worker knows.
//
// This is Kubernetes' `generateAPIPodStatus`: from the runtime's view of each container
// it builds the container statuses (waiting, running or terminated, with reasons, exit
// codes and restart counts), then the pod's phase (`getPhase`), then its conditions
// (`Initialized`, `ContainersReady`, `Ready`…). It has no side effects and reads no
// clock, so tests check it with plain values.

import API
import CRI
import Foundation

/// Computes a pod's `PodStatus` from its worker's knowledge.
struct PodStatusGenerator {
    let pod: Pod
    let containers: [String: ContainerRecord]
    let waiting: [String: WaitingReason]
    let probeResults: [String: ProbeResults]
    let hasFailedForGood: Bool
    let hostIP: String
    let startTime: Time?
    /// Why the whole pod has failed for good (`DeadlineExceeded`), if it has.
    var podFailure: WaitingReason? = nil
    /// The runtime's name, the scheme of container ids (`process://…`, as `containerd://…`).
    var runtimeName = "process"

    /// The pod's status now; conditions keep their transition time when they did not change.
    func status(previous: PodStatus?, now: Time) -> PodStatus {
        var status = PodStatus()
        let initStatuses = pod.spec.initContainers.map { containerStatus($0, isInit: true) }
        let appStatuses = pod.spec.containers.map { containerStatus($0, isInit: false) }
        status.initContainerStatuses = initStatuses
        status.containerStatuses = appStatuses
        status.phase = hasFailedForGood || podFailure != nil
            ? PodPhase.failed : Self.phase(of: pod.spec, initStatuses: initStatuses, appStatuses: appStatuses)
        if let podFailure {
            status.reason = podFailure.reason
            status.message = podFailure.message
        }
        status.hostIP = hostIP
        status.hostIPs = [HostIP(ip: hostIP)]
        if containers.isEmpty && waiting["*sandbox*"] != nil {
            status.message = waiting["*sandbox*"]?.message ?? ""
        } else {
            // The process runtime shares the node's network, as `hostNetwork: true` pods do.
            status.podIP = hostIP
            status.podIPs = [PodIP(ip: hostIP)]
        }
        status.startTime = startTime
        status.qosClass = Self.qosClass(of: pod.spec)
        status.conditions = conditions(phase: status.phase ?? .pending, initStatuses: initStatuses, appStatuses: appStatuses)
            .map { condition in
                var condition = condition
                let old = previous?.conditions.first { $0.type == condition.type }
                condition.lastTransitionTime = old?.status == condition.status ? old?.lastTransitionTime ?? now : now
                return condition
            }
        return status
    }

    /// One container's status, as `kubectl get pod -o yaml` shows it.
    func containerStatus(_ container: Container, isInit: Bool) -> ContainerStatus {
        var status = ContainerStatus()
        status.name = container.name
        status.image = container.image
        guard let record = containers[container.name] else {
            let reason = waiting[container.name]
                ?? WaitingReason(reason: isInit || !pod.spec.initContainers.isEmpty ? "PodInitializing" : "ContainerCreating", message: "")
            status.state = ContainerState(waiting: ContainerStateWaiting(reason: reason.reason, message: reason.message))
            status.started = false
            return status
        }
        status.containerID = "\(runtimeName)://\(record.id)"
        status.restartCount = Int32(record.restartCount)
        switch record.status.state {
        case .running:
            status.state = ContainerState(running: ContainerStateRunning(startedAt: record.status.startedAt.map(Time.init) ?? .zero))
        case .exited:
            status.state = ContainerState(terminated: terminated(record.status))
        case .created, .unknown:
            status.state = ContainerState(waiting: ContainerStateWaiting(reason: "ContainerCreating", message: ""))
        }
        if let previous = record.previous {
            status.lastState = ContainerState(terminated: terminated(previous))
        }
        // A container waiting to be restarted shows its last run as `lastState`.
        if let reason = waiting[container.name], record.status.state == .exited {
            status.lastState = ContainerState(terminated: terminated(record.status))
            status.state = ContainerState(waiting: ContainerStateWaiting(reason: reason.reason, message: reason.message))
        }
        let isRunning = record.status.state == .running
        status.started = isRunning
        let passesReadiness = container.readinessProbe == nil || probeResults[container.name]?.isReady == true
        status.ready = isRunning && passesReadiness
        return status
    }

    private func terminated(_ status: RuntimeContainerStatus) -> ContainerStateTerminated {
        var terminated = ContainerStateTerminated()
        terminated.exitCode = status.exitCode
        terminated.signal = status.signal ?? 0
        terminated.reason = status.reason
        terminated.message = status.message
        terminated.startedAt = status.startedAt.map(Time.init) ?? .zero
        terminated.finishedAt = status.finishedAt.map(Time.init) ?? .zero
        terminated.containerID = "\(runtimeName)://\(status.id)"
        return terminated
    }

    /// The pod's conditions, in the order Kubernetes lists them.
    func conditions(phase: PodPhase, initStatuses: [ContainerStatus], appStatuses: [ContainerStatus]) -> [PodCondition] {
        func condition(_ type: PodConditionType, _ isTrue: Bool, reason: String = "", message: String = "") -> PodCondition {
            var condition = PodCondition()
            condition.type = type
            condition.status = isTrue ? .true : .false
            if !isTrue {
                condition.reason = reason
                condition.message = message
            }
            return condition
        }
        let incomplete = initStatuses.filter { $0.state.terminated?.exitCode != 0 }.map(\.name)
        let unready = appStatuses.filter { !$0.ready }.map(\.name)
        // A pod that has ended is not ready, whatever its containers say, and Kubernetes
        // names the end (`generateContainersReadyConditionForTerminalPhase`) with no message.
        let terminalReason: String? = switch phase {
        case .succeeded: "PodCompleted"
        case .failed: "PodFailed"
        default: nil
        }
        let isReady = unready.isEmpty && terminalReason == nil
        let notReadyReason = terminalReason ?? "ContainersNotReady"
        let notReadyMessage = terminalReason == nil ? "containers with unready status: [\(unready.joined(separator: " "))]" : ""
        var initialized = condition(.initialized, incomplete.isEmpty || phase == .succeeded, reason: "ContainersNotInitialized",
                                    message: "containers with incomplete status: [\(incomplete.joined(separator: " "))]")
        // A pod that succeeded was initialized; Kubernetes says so with the reason PodCompleted.
        if phase == .succeeded { initialized.reason = "PodCompleted" }
        return [
            condition(.podReadyToStartContainers, !containers.isEmpty || waiting["*sandbox*"] == nil),
            initialized,
            condition(.ready, isReady, reason: notReadyReason, message: notReadyMessage),
            condition(.containersReady, isReady, reason: notReadyReason, message: notReadyMessage),
            condition(.podScheduled, true),
        ]
    }
}
