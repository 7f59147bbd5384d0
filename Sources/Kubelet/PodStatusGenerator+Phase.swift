// Stage 1 · Kubelet: a pod's phase and QoS class, by Kubernetes' own rules.
//
// The phase is a one-word summary of where the pod is in its life:
//   - Pending:   accepted, but not every container has started (init containers still
//                running, or a container waiting to be created);
//   - Running:   every container has started and at least one is running (or is being
//                restarted under `restartPolicy: Always`);
//   - Succeeded: every container exited with 0 and none will be restarted;
//   - Failed:    every container exited, one at least with an error, and none will be
//                restarted.
// This is a port of `getPhase` from Kubernetes' `kubelet_pods.go`, counting containers by
// state exactly as it does (sidecar init containers, which this series leaves out, aside).

import API

extension PodStatusGenerator {
    /// The pod's phase, from the statuses of its init and app containers.
    static func phase(of spec: PodSpec, initStatuses: [ContainerStatus], appStatuses: [ContainerStatus]) -> PodPhase {
        var pendingInitialization = 0
        var failedInitialization = 0
        for status in initStatuses {
            if status.state.running != nil {
                pendingInitialization += 1
            } else if let terminated = status.state.terminated {
                if terminated.exitCode != 0 { failedInitialization += 1 }
            } else if status.state.waiting != nil, let last = status.lastState.terminated {
                if last.exitCode != 0 { failedInitialization += 1 }
            } else {
                pendingInitialization += 1
            }
        }

        var running = 0, waiting = 0, stopped = 0, succeeded = 0
        for status in appStatuses {
            if status.state.running != nil {
                running += 1
            } else if let terminated = status.state.terminated {
                stopped += 1
                if terminated.exitCode == 0 { succeeded += 1 }
            } else if status.lastState.terminated != nil {
                stopped += 1
            } else {
                waiting += 1
            }
        }

        if failedInitialization > 0 && spec.restartPolicy == .never { return .failed }
        let anyAppContainerStarted = appStatuses.contains { $0.state.waiting == nil || $0.lastState.terminated != nil }
        if (pendingInitialization > 0 && !anyAppContainerStarted) || waiting > 0 { return .pending }
        if running > 0 { return .running }
        if running == 0 && stopped > 0 {
            if spec.restartPolicy == .always { return .running }
            if stopped == succeeded { return .succeeded }
            if spec.restartPolicy == .never { return .failed }
            return .running
        }
        return .pending
    }

    /// The pod's quality-of-service class, from its containers' requests and limits.
    ///
    /// BestEffort: nobody asked for anything. Guaranteed: every container limits cpu and
    /// memory, with requests (when given) equal to the limits. Burstable: anything between.
    static func qosClass(of spec: PodSpec) -> PodQOSClass {
        let all = spec.initContainers + spec.containers
        let asksForNothing = all.allSatisfy { $0.resources.requests.isEmpty && $0.resources.limits.isEmpty }
        if asksForNothing { return .bestEffort }
        let guaranteed = all.allSatisfy { container in
            ["cpu", "memory"].allSatisfy { resource in
                guard let limit = container.resources.limits[resource] else { return false }
                return container.resources.requests[resource].map { $0 == limit } ?? true
            }
        }
        return guaranteed ? .guaranteed : .burstable
    }
}
