// Stage 1 · Kubelet: probing one container again and again, and judging the results.
//
// Each probe of each running container has its own worker (Kubernetes'
// `prober/worker.go`). It waits `initialDelaySeconds`, then probes every
// `periodSeconds`. One failure means little: the verdict changes only after
// `failureThreshold` failures in a row (or `successThreshold` successes). When it
// changes, the worker tells the pod worker, which acts:
//
//   - readiness: the container's `ready` flag, and so the pod's `Ready` condition;
//   - liveness:  a container that fails it is killed and restarted.
//
// The worker stops on its own when the container it probes is no longer the current,
// running attempt: a restarted container gets fresh probe workers.

import API
import Foundation

/// Which question a probe asks.
enum ProbeKind: String, Sendable {
    case liveness = "Liveness"
    case readiness = "Readiness"
}

/// A probe worker's changed verdict, sent to the pod worker.
struct ProbeVerdict: Sendable {
    var kind: ProbeKind
    var containerName: String
    var containerID: String
    var isSuccess: Bool
    var message: String
}

/// The verdicts the pod worker holds for one container attempt.
struct ProbeResults: Sendable, Equatable {
    /// The attempt these verdicts are about.
    var containerID: String
    /// True once the readiness probe passed (and while it keeps passing).
    var isReady = false
    /// Set when the liveness probe failed `failureThreshold` times in a row.
    var livenessFailure: (containerID: String, message: String)?

    static func == (a: ProbeResults, b: ProbeResults) -> Bool {
        a.containerID == b.containerID && a.isReady == b.isReady
            && a.livenessFailure?.containerID == b.livenessFailure?.containerID
    }
}

/// Probes one container attempt with one probe until that attempt stops running.
struct ProbeWorker: Sendable {
    let kind: ProbeKind
    let probe: Probe
    let container: Container
    let containerID: String
    let prober: Prober
    let podWorker: PodWorker

    /// Probes on the probe's schedule until the container is no longer current.
    ///
    /// As in Kubernetes, a verdict changes only after a run of equal outcomes as long as
    /// the threshold (`failureThreshold` failures, `successThreshold` successes); the
    /// pod worker hears only of changes.
    func run() async {
        // Readiness starts as "not ready", liveness as "alive", as in Kubernetes.
        var verdict = kind == .liveness
        var lastOutcome: Bool?
        var runLength = 0
        do {
            try await Task.sleep(for: .seconds(probe.initialDelaySeconds))
            while await podWorker.isCurrent(containerID: containerID) {
                let outcome = await prober.run(probe, container: container, containerID: containerID)
                let isSuccess = outcome == .success
                // Every failed probe is an `Unhealthy` event, as in Kubernetes (the event
                // recorder counts repeats), whether or not the verdict changes.
                if case .failure(let message) = outcome {
                    await podWorker.recordUnhealthy(kind, container: container.name, message: message)
                }
                runLength = isSuccess == lastOutcome ? runLength + 1 : 1
                lastOutcome = isSuccess
                let threshold = isSuccess ? probe.effectiveSuccessThreshold : probe.effectiveFailureThreshold
                if runLength >= Int(threshold) && isSuccess != verdict {
                    verdict = isSuccess
                    var message = ""
                    if case .failure(let reason) = outcome { message = reason }
                    podWorker.deliver(ProbeVerdict(
                        kind: kind, containerName: container.name, containerID: containerID,
                        isSuccess: isSuccess, message: message))
                }
                try await Task.sleep(for: .seconds(probe.effectivePeriodSeconds))
            }
        } catch {
            // Cancelled: the pod is going away, or the kubelet is shutting down.
        }
    }
}

extension PodWorker {
    /// The probe workers a freshly started container needs.
    func probeWorkers(for container: Container, containerID: String) -> [ProbeWorker] {
        let prober = Prober(runtime: runtime, podIP: hostIP)
        var workers: [ProbeWorker] = []
        if let probe = container.livenessProbe {
            workers.append(ProbeWorker(kind: .liveness, probe: probe, container: container, containerID: containerID, prober: prober, podWorker: self))
        }
        if let probe = container.readinessProbe {
            workers.append(ProbeWorker(kind: .readiness, probe: probe, container: container, containerID: containerID, prober: prober, podWorker: self))
        }
        return workers
    }

    /// Takes in a probe verdict; the sync that follows acts on it.
    func record(_ verdict: ProbeVerdict) async {
        guard var results = probeResults[verdict.containerName], results.containerID == verdict.containerID else { return }
        switch verdict.kind {
        case .readiness:
            results.isReady = verdict.isSuccess
            logger.info(verdict.isSuccess ? "container is ready" : "readiness probe failed",
                        ["name": verdict.containerName, "pod": pod.metadata.name])
        case .liveness:
            results.livenessFailure = verdict.isSuccess ? nil : (verdict.containerID, verdict.message)
        }
        probeResults[verdict.containerName] = results
    }

    /// Records a failed probe as Kubernetes' `Unhealthy` event: `Readiness probe failed: …`.
    func recordUnhealthy(_ kind: ProbeKind, container: String, message: String) async {
        guard state == .syncing else { return }
        await recorder.record(.warning, reason: "Unhealthy", message: "\(kind.rawValue) probe failed: \(message)", pod: pod)
    }
}
