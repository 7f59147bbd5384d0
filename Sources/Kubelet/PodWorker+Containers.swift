// Stage 1 · Kubelet: what a pod worker asks of the container runtime.
//
// The kubelet speaks to the runtime only through the CRI: it translates the pod's spec
// into a sandbox config and container configs (command, env, mounts, log path) and asks
// for them to be created and started. This file is that translation, plus two reasons
// the kubelet stops a running container: a failed liveness probe, and a changed spec.
// How a container is killed, whatever the reason, is `PodWorker+Killing.swift`.
//
// Volumes are the kubelet's job, not the runtime's: the kubelet makes each `emptyDir`
// a fresh directory under `<root>/pods/<uid>/volumes/kubernetes.io~empty-dir/<name>`
// and passes it, like a `hostPath`, to the runtime as a mount.

import API
import CRI
import Foundation

extension PodWorker {
    /// Makes the pod's sandbox and volumes if they don't exist yet; false if that failed.
    func ensureSandbox() async -> Bool {
        if sandboxID != nil { return true }
        do {
            try makeVolumes()
            let config = sandboxConfig(logDirectory: logDirectory)
            sandboxID = try await runtime.runPodSandbox(config)
            waiting["*sandbox*"] = nil
            return true
        } catch {
            logger.warning("could not create the pod sandbox", ["pod": pod.metadata.name, "error": "\(error)"])
            waiting["*sandbox*"] = WaitingReason(reason: "CreatePodSandboxError", message: "\(error)")
            return false
        }
    }

    /// Where this pod's container logs go.
    var logDirectory: URL {
        configuration.logDirectory(namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid)
    }

    /// The CRI description of the pod's sandbox.
    func sandboxConfig(logDirectory: URL) -> PodSandboxConfig {
        PodSandboxConfig(
            metadata: PodSandboxMetadata(
                name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid, attempt: 0),
            labels: pod.metadata.labels,
            annotations: pod.metadata.annotations,
            logDirectory: logDirectory.path,
            hostname: pod.metadata.name
        )
    }

    /// Creates the emptyDir directories; hostPath volumes are the host's and are left alone.
    func makeVolumes() throws {
        for volume in pod.spec.volumes where volume.source.emptyDir != nil {
            try FileManager.default.createDirectory(at: emptyDirPath(volume.name), withIntermediateDirectories: true)
        }
    }

    /// Where emptyDir volume `name` of this pod lives on the node.
    func emptyDirPath(_ name: String) -> URL {
        configuration.volumesDirectory(podUID: pod.metadata.uid)
            .appending(path: "kubernetes.io~empty-dir/\(name)", directoryHint: .isDirectory)
    }

    /// Creates and starts an attempt of `container`, recording it, its events and its probes.
    func startContainer(_ container: Container, restartCount: Int, previous: RuntimeContainerStatus?) async {
        guard let sandboxID else { return }
        let config: ContainerConfig
        do {
            config = try containerConfig(container, attempt: restartCount)
        } catch {
            waiting[container.name] = WaitingReason(reason: "CreateContainerConfigError", message: "\(error)")
            return
        }
        let id: String
        do {
            id = try await runtime.createContainer(
                sandboxID: sandboxID, config: config, sandboxConfig: sandboxConfig(logDirectory: logDirectory))
        } catch {
            if waiting[container.name]?.reason != "CreateContainerConfigError" {
                logger.warning("could not create container", ["name": container.name, "pod": pod.metadata.name, "error": "\(error)"])
                await recorder.record(.warning, reason: "Failed", message: "Error: \(error)", pod: pod)
            }
            waiting[container.name] = WaitingReason(reason: "CreateContainerConfigError", message: "\(error)")
            return
        }
        await recorder.record(.normal, reason: "Created", message: "Created container \(container.name)", pod: pod)
        do {
            try await runtime.startContainer(id: id)
            logger.info("started container", ["name": container.name, "pod": pod.metadata.name])
            await recorder.record(.normal, reason: "Started", message: "Started container \(container.name)", pod: pod)
        } catch {
            // Kubernetes reports a container whose process could not start as terminated
            // with reason StartError and exit code 128; it then backs off like a crash.
            logger.warning("could not start container", ["name": container.name, "pod": pod.metadata.name, "error": "\(error)"])
            await recorder.record(.warning, reason: "Failed", message: "Error: \(error)", pod: pod)
        }
        guard var status = try? await runtime.containerStatus(id: id) else { return }
        if status.state == .created {
            status.state = .exited
            status.exitCode = 128
            status.reason = "StartError"
            status.finishedAt = Date()
        }
        if status.state == .running, await !runPostStartHook(container, id: id),
           let killed = try? await runtime.containerStatus(id: id) {
            status = killed
        }
        containers[container.name] = ContainerRecord(id: id, restartCount: restartCount, status: status, previous: previous, spec: container)
        waiting[container.name] = nil
        probeResults[container.name] = ProbeResults(containerID: id)
        if status.state == .running {
            pendingProbes += probeWorkers(for: container, containerID: id)
        }
    }

    /// The CRI description of one attempt of `container`.
    func containerConfig(_ container: Container, attempt: Int) throws -> ContainerConfig {
        var mounts: [Mount] = []
        for volumeMount in container.volumeMounts {
            guard let volume = pod.spec.volumes.first(where: { $0.name == volumeMount.name }) else {
                throw KubeletError("volume \"\(volumeMount.name)\" of container \"\(container.name)\" is not a volume of the pod")
            }
            let hostPath: String
            if let path = volume.source.hostPath?.path {
                hostPath = path
            } else {
                hostPath = emptyDirPath(volume.name).path
            }
            mounts.append(Mount(containerPath: volumeMount.mountPath, hostPath: hostPath, readonly: volumeMount.readOnly))
        }
        return ContainerConfig(
            metadata: ContainerMetadata(name: container.name, attempt: UInt32(attempt)),
            image: container.image,
            command: container.command,
            args: container.args,
            workingDir: container.workingDir,
            envs: container.env.map { KeyValue(key: $0.name, value: $0.value) },
            mounts: mounts,
            labels: ["io.kubernetes.container.name": container.name, "io.kubernetes.pod.uid": pod.metadata.uid],
            annotations: [:],
            logPath: "\(container.name)/\(attempt).log"
        )
    }

    /// Kills a container whose liveness probe failed; the restart policy then decides its fate.
    func killForFailedLiveness(_ container: Container, record: ContainerRecord, message: String) async {
        logger.info("liveness probe failed, killing container", ["name": container.name, "pod": pod.metadata.name])
        let grace = container.livenessProbe?.terminationGracePeriodSeconds
            ?? pod.spec.terminationGracePeriodSeconds ?? KubeletConfiguration.Defaults.terminationGracePeriodSeconds
        await killContainer(named: container.name, container: container, id: record.id,
                            message: "Container \(container.name) failed liveness probe, will be restarted", gracePeriod: grace)
        probeResults[container.name] = ProbeResults(containerID: record.id)
        if let status = try? await runtime.containerStatus(id: record.id) {
            containers[container.name]?.status = status
        }
        // As in Kubernetes, a container killed for failing its liveness probe is restarted
        // unless the policy is `Never`, whatever its exit code (it was killed, not done).
        if pod.spec.restartPolicy != .never, let record = containers[container.name] {
            await restartAfterBackoff(container, record: record)
        }
    }

    /// Kills a running container whose spec changed (a new image, say) and starts the new
    /// spec at once: as in Kubernetes, whose back-off is keyed by the spec's hash, a
    /// changed container starts afresh, with no back-off to wait out.
    func restartForChangedDefinition(_ container: Container, record: ContainerRecord) async {
        logger.info("container definition changed, restarting", ["name": container.name, "pod": pod.metadata.name])
        let grace = pod.spec.terminationGracePeriodSeconds ?? KubeletConfiguration.Defaults.terminationGracePeriodSeconds
        await killContainer(named: container.name, container: record.spec, id: record.id,
                            message: "Container \(container.name) definition changed, will be restarted", gracePeriod: grace)
        let stopped = (try? await runtime.containerStatus(id: record.id)) ?? record.status
        try? await runtime.removeContainer(id: record.id)
        await startContainer(container, restartCount: record.restartCount + 1, previous: stopped)
    }
}

/// A problem the kubelet found with a pod that is the pod's fault, not the runtime's.
struct KubeletError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
