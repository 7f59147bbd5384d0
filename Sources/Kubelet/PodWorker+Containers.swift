// Stage 1 · Kubelet: what a pod worker asks of the container runtime.
//
// The kubelet speaks to the runtime only through the CRI: it translates the pod's spec
// into a sandbox config and container configs (command, env, mounts, log path) and asks
// for them to be created and started. This file is that translation, plus two reasons
// the kubelet stops a running container: a failed liveness probe, and a changed spec.
// How a container is killed, whatever the reason, is `PodWorker+Killing.swift`.
//
// Volumes are the kubelet's job, not the runtime's: the kubelet makes each `emptyDir`
// a fresh directory under `<root>/pods/<uid>/volumes/kubernetes.io~empty-dir/<name>`,
// writes each configMap, secret and downwardAPI volume as a directory of files there
// (`VolumeFiles`), and passes them, like a `hostPath`, to the runtime as mounts. The
// environment is computed at each start (`ContainerEnvironment`): a ConfigMap or Secret
// it needs that is missing leaves the container waiting with `CreateContainerConfigError`
// until a later sync finds it.

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

    /// Creates the emptyDir directories (mode 0777); hostPath volumes are the host's and are left alone.
    func makeVolumes() throws {
        for volume in pod.spec.volumes where volume.source.emptyDir != nil {
            // Writable by whatever user the pod's containers run as, as Kubernetes makes it.
            let path = emptyDirPath(volume.name)
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: path.path)
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
            config = try await containerConfig(container, attempt: restartCount)
        } catch {
            // Kubernetes reports it at every attempt; here once for each new message.
            if waiting[container.name]?.message != "\(error)" {
                logger.warning("could not make the container's config", ["name": container.name, "pod": pod.metadata.name, "error": "\(error)"])
                await recorder.record(.warning, reason: "Failed", message: "Error: \(error)", pod: pod)
            }
            waiting[container.name] = WaitingReason(reason: "CreateContainerConfigError", message: "\(error)")
            return
        }
        let id: String
        do {
            id = try await runtime.createContainer(
                sandboxID: sandboxID, config: config, sandboxConfig: sandboxConfig(logDirectory: logDirectory))
        } catch {
            if waiting[container.name]?.message != "\(error)" {
                logger.warning("could not create container", ["name": container.name, "pod": pod.metadata.name, "error": "\(error)"])
                await recorder.record(.warning, reason: "Failed", message: "Error: \(error)", pod: pod)
            }
            // Kubernetes' reason for a container the runtime would not create.
            waiting[container.name] = WaitingReason(reason: "CreateContainerError", message: "\(error)")
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

    /// The downward API of this pod on this node.
    var downwardAPI: DownwardAPI {
        // The process runtime shares the node's network, so the pod's IP is the node's.
        DownwardAPI(pod: pod, hostIP: hostIP, podIP: hostIP)
    }

    /// Writes the pod's configMap, secret and downwardAPI volumes; false (with a
    /// `FailedMount` event for a new problem) if one cannot be written before the first
    /// start. Once written, a failed refresh keeps the files as they were, as Kubernetes
    /// keeps a mounted volume whose ConfigMap was deleted, and the pod goes on.
    func writeFileVolumes() async -> Bool {
        let files = VolumeFiles(pod: pod, downwardAPI: downwardAPI, configObjects: configObjects,
                                volumesDirectory: configuration.volumesDirectory(podUID: pod.metadata.uid))
        do {
            try await files.writeAll()
            volumeProblem = nil
            areVolumesWritten = true
            return true
        } catch {
            if volumeProblem != "\(error)" {
                logger.warning("could not set up a volume", ["pod": pod.metadata.name, "error": "\(error)"])
                await recorder.record(.warning, reason: "FailedMount", message: "\(error)", pod: pod)
            }
            volumeProblem = "\(error)"
            return areVolumesWritten
        }
    }

    /// The CRI description of one attempt of `container`.
    func containerConfig(_ container: Container, attempt: Int) async throws -> ContainerConfig {
        var mounts: [Mount] = []
        for volumeMount in container.volumeMounts {
            guard let volume = pod.spec.volumes.first(where: { $0.name == volumeMount.name }) else {
                throw KubeletError("volume \"\(volumeMount.name)\" of container \"\(container.name)\" is not a volume of the pod")
            }
            let hostPath: String
            if let path = volume.source.hostPath?.path {
                hostPath = path
            } else if let files = VolumeFiles.directory(of: volume, in: configuration.volumesDirectory(podUID: pod.metadata.uid)) {
                hostPath = files.path
            } else {
                hostPath = emptyDirPath(volume.name).path
            }
            let source = volumeMount.subPath.isEmpty ? hostPath
                : try SubPath.hostPath(of: volumeMount.subPath, in: hostPath, mountName: volumeMount.name, container: container.name)
            mounts.append(Mount(containerPath: volumeMount.mountPath, hostPath: source, readonly: volumeMount.readOnly))
        }
        let security = EffectiveSecurityContext(pod: pod, container: container)
        let image = security.runAsNonRoot == true && security.runAsUser == nil ? try await runtime.imageStatus(image: container.image) : nil
        try security.verifyRunAsNonRoot(pod: pod, container: container, image: image)
        let environment = ContainerEnvironment(pod: pod, downwardAPI: downwardAPI, configObjects: configObjects)
        let envs = try await environment.variables(for: container)
        let lookup = Dictionary(envs.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        return ContainerConfig(
            metadata: ContainerMetadata(name: container.name, attempt: UInt32(attempt)),
            image: container.image,
            command: container.command.map { EnvExpansion.expand($0, with: { lookup[$0] }) },
            args: container.args.map { EnvExpansion.expand($0, with: { lookup[$0] }) },
            workingDir: container.workingDir,
            envs: envs,
            mounts: mounts,
            labels: ["io.kubernetes.container.name": container.name, "io.kubernetes.pod.uid": pod.metadata.uid],
            annotations: [:],
            logPath: "\(container.name)/\(attempt).log",
            linux: security.linux
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
