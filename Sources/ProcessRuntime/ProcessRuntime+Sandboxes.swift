// Stage 1 · ProcessRuntime: pod sandboxes in the process runtime.
//
// In a real runtime a sandbox is the pod's shared environment: a "pause" container holding the
// network namespace every container of the pod joins. The process runtime has no namespaces,
// so its sandbox is a record and a directory: it groups containers, carries the pod's log
// directory and hostname, and reports the host's loopback address as the pod's IP. Stopping
// it stops its containers; removing it removes them.

import CRI
import Common
import Foundation

extension ProcessRuntime {
    /// Records a new, ready sandbox for a pod and returns its id; the kubelet calls it before
    /// creating the pod's containers.
    public func runPodSandbox(_ config: PodSandboxConfig) throws -> String {
        guard !config.metadata.name.isEmpty else {
            throw RuntimeError.invalidArgument("a pod sandbox needs the pod's name in its metadata")
        }
        if !config.logDirectory.isEmpty, !config.logDirectory.hasPrefix("/") {
            throw RuntimeError.invalidArgument("log directory \"\(config.logDirectory)\" is not an absolute path")
        }
        let id = makeID()
        do {
            try FileManager.default.createDirectory(atPath: root.sandboxDirectory(id), withIntermediateDirectories: true)
        } catch {
            throw RuntimeError.internalError("cannot create the directory of sandbox \(id): \(error)")
        }
        try save(StoredSandbox(id: id, config: config, state: .ready, createdAt: Date()))
        logger.info("sandbox ready", ["pod": config.metadata.name, "namespace": config.metadata.namespace, "sandbox": id.prefix(12)])
        return id
    }

    /// Kills every running container of the sandbox at once (CRI: "forcibly terminated") and
    /// marks it not ready; the kubelet calls it after stopping the containers gracefully itself.
    public func stopPodSandbox(id: String) async throws {
        guard sandboxes[id] != nil else { throw RuntimeError.notFound("pod sandbox \"\(id)\"") }
        for container in containers.values where container.sandboxID == id {
            try await stopContainer(id: container.id, timeout: .zero)
        }
        // Re-check after the awaits: another call may have removed the sandbox meanwhile.
        guard var record = sandboxes[id], record.state != .notReady else { return }
        record.state = .notReady
        try save(record)
        logger.info("sandbox stopped", ["pod": record.config.metadata.name, "sandbox": id.prefix(12)])
    }

    /// Removes the sandbox and all its containers, killing any still running; removing a
    /// sandbox that does not exist is not an error, as CRI requires.
    public func removePodSandbox(id: String) async throws {
        guard sandboxes[id] != nil else { return }
        for container in containers.values where container.sandboxID == id {
            try await removeContainer(id: container.id)
        }
        // Re-check after the awaits: a concurrent remove may have finished first.
        guard let record = sandboxes[id] else { return }
        do {
            try root.remove(root.sandboxDirectory(id))
        } catch {
            throw RuntimeError.internalError("cannot remove the directory of sandbox \(id): \(error)")
        }
        sandboxes[id] = nil
        logger.info("sandbox removed", ["pod": record.config.metadata.name, "sandbox": id.prefix(12)])
    }

    /// The state of one sandbox; the kubelet reads it while syncing the pod.
    public func podSandboxStatus(id: String) throws -> PodSandboxStatus {
        guard let record = sandboxes[id] else { throw RuntimeError.notFound("pod sandbox \"\(id)\"") }
        return status(of: record)
    }

    /// Every sandbox, oldest first; the kubelet lists them to find pods it no longer wants.
    public func listPodSandboxes() -> [PodSandboxStatus] {
        sandboxes.values.sorted { $0.createdAt < $1.createdAt }.map(status(of:))
    }

    /// The CRI status of a recorded sandbox.
    private func status(of record: StoredSandbox) -> PodSandboxStatus {
        PodSandboxStatus(
            id: record.id, metadata: record.config.metadata, state: record.state, createdAt: record.createdAt,
            ip: Limits.podIP, labels: record.config.labels, annotations: record.config.annotations
        )
    }

    /// The directory container log paths are relative to: the kubelet's choice, or the
    /// sandbox's own `logs` directory when it gave none.
    func logDirectory(of sandbox: StoredSandbox) -> String {
        sandbox.config.logDirectory.isEmpty ? root.sandboxDirectory(sandbox.id) + "/logs" : sandbox.config.logDirectory
    }
}
