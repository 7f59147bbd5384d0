// Stage 1 · Kubelet: killing a container, and the grace period it gets.
//
// Every stop of a container by the kubelet goes through `killContainer` (Kubernetes'
// `killContainer` in `kuberuntime_container.go`), whatever the reason: the pod is being
// deleted, a liveness probe failed, the container's spec changed, its postStart hook
// failed, the pod ran past its `activeDeadlineSeconds`. In order:
//
//   1. a `Killing` event saying why;
//   2. the container's `preStop` hook, if it has one, for at most the grace period;
//   3. SIGTERM, and SIGKILL when what is left of the grace period has passed (the
//      runtime's `stopContainer`). A preStop that used up the grace period still
//      leaves the program 2 seconds after SIGTERM, as Kubernetes documents.
//
// The grace period of a deleted pod is the API server's word: `kubectl delete
// --grace-period=1` (or `--now`) sets the pod's `metadata.deletionGracePeriodSeconds`,
// which then replaces `spec.terminationGracePeriodSeconds`; it can only get shorter (a
// second delete with `--now` shortens a stop under way: `shortenTermination`), and it is
// never under 1 second (`calculateEffectiveGracePeriod` in `pod_workers.go`).

import API
import CRI
import Foundation

extension PodWorker {
    /// Kubernetes' shortest wait between SIGTERM and SIGKILL after a preStop hook.
    static let minimumGracePeriodAfterPreStop: Int64 = 2

    /// The grace period of the pod's termination: the deletion's, else the spec's, at least 1 s.
    var terminationGracePeriod: Int64 {
        let grace = pod.metadata.deletionGracePeriodSeconds
            ?? pod.spec.terminationGracePeriodSeconds ?? KubeletConfiguration.Defaults.terminationGracePeriodSeconds
        return max(grace, 1)
    }

    /// Kills every running container at once, each with `gracePeriod` seconds.
    func killRunningContainers(gracePeriod: Int64) async {
        let running = containers.filter { $0.value.status.state == .running }
        await withTaskGroup(of: Void.self) { group in
            for (name, record) in running {
                let container = (pod.spec.initContainers + pod.spec.containers).first { $0.name == name }
                group.addTask {
                    await self.killContainer(named: name, container: container, id: record.id,
                                             message: "Stopping container \(name)", gracePeriod: gracePeriod)
                }
            }
        }
    }

    /// Stops the running containers again with the pod's new, shorter grace period, beside
    /// the stop already under way: as with containerd, the shorter stop's SIGKILL comes first.
    func shortenTermination(in group: inout DiscardingTaskGroup) {
        let grace = Duration.seconds(terminationGracePeriod)
        logger.info("grace period shortened", ["pod": pod.metadata.name, "gracePeriod": grace.kubernetesDescription])
        for record in containers.values where record.status.state == .running {
            let runtime = self.runtime
            group.addTask { try? await runtime.stopContainer(id: record.id, timeout: grace) }
        }
    }

    /// Kills one container attempt: a `Killing` event, its preStop hook, then SIGTERM and
    /// SIGKILL once the rest of `gracePeriod` (seconds) has passed.
    func killContainer(named name: String, container: Container?, id: String, message: String, gracePeriod: Int64) async {
        logger.info("killing container", ["name": name, "pod": pod.metadata.name, "gracePeriod": Duration.seconds(gracePeriod).kubernetesDescription])
        await recorder.record(.normal, reason: "Killing", message: message, pod: pod)
        var remaining = Duration.seconds(gracePeriod)
        if let container, let preStop = container.lifecycle?.preStop {
            let started = ContinuousClock.now
            let runner = LifecycleHandlerRunner(runtime: runtime, podIP: hostIP)
            if let failure = await runner.run(preStop, container: container, containerID: id, pod: pod, timeout: remaining) {
                // As in Kubernetes, the details go to the kubelet's log only: a hook's output
                // may hold secrets, and events are readable by anyone who can list pods.
                logger.warning("preStop hook failed", ["name": name, "pod": pod.metadata.name, "error": failure])
                await recorder.record(.warning, reason: "FailedPreStopHook", message: "PreStopHook failed", pod: pod)
            }
            remaining = max(remaining - (ContinuousClock.now - started), .seconds(Self.minimumGracePeriodAfterPreStop))
        }
        try? await runtime.stopContainer(id: id, timeout: Self.wholeSeconds(remaining))
    }

    /// `duration` rounded up to whole seconds, as CRI's StopContainer timeout is.
    static func wholeSeconds(_ duration: Duration) -> Duration {
        let (seconds, attoseconds) = duration.components
        return .seconds(attoseconds > 0 ? seconds + 1 : seconds)
    }

    /// Runs `container`'s postStart hook after it started; false (and the container
    /// killed, with a `FailedPostStartHook` event) when the hook failed. Kubernetes gives
    /// the hook no time limit; here it gets the grace period, so that a hung hook cannot
    /// hold the pod's worker for ever.
    func runPostStartHook(_ container: Container, id: String) async -> Bool {
        guard let postStart = container.lifecycle?.postStart else { return true }
        let runner = LifecycleHandlerRunner(runtime: runtime, podIP: hostIP)
        let grace = pod.spec.terminationGracePeriodSeconds ?? KubeletConfiguration.Defaults.terminationGracePeriodSeconds
        guard let failure = await runner.run(postStart, container: container, containerID: id, pod: pod,
                                             timeout: .seconds(max(grace, 1))) else { return true }
        logger.warning("postStart hook failed, killing container", ["name": container.name, "pod": pod.metadata.name, "error": failure])
        await recorder.record(.warning, reason: "FailedPostStartHook", message: "PostStartHook failed", pod: pod)
        await killContainer(named: container.name, container: container, id: id, message: "FailedPostStartHook",
                            gracePeriod: max(grace, Self.minimumGracePeriodAfterPreStop))
        return false
    }
}
