// Stage 1 · ProcessRuntime: what the process runtime writes down about each object.
//
// Each sandbox and container has one small JSON record in the runtime's root directory,
// rewritten whenever it changes. The records are how a runtime that starts later (after the
// kubelet was killed) learns what an earlier one left: which containers ran, with which pid
// and process start time, and where their logs are. Like containerd's metadata database,
// they are the runtime's memory across restarts; the kubelet itself remembers nothing.

import CRI
import Foundation

/// One sandbox as the process runtime stores it in `sandboxes/<id>/sandbox.json`.
struct StoredSandbox: Sendable, Codable {
    var id: String
    /// The config the kubelet created it with.
    var config: PodSandboxConfig
    /// Ready until stopped.
    var state: PodSandboxState
    var createdAt: Date
}

/// One container as the process runtime stores it in `containers/<id>/container.json`.
struct StoredContainer: Sendable, Codable {
    var id: String
    var sandboxID: String
    /// The config the kubelet created it with.
    var config: ContainerConfig
    /// The environment it runs with: decided at creation, reused by every exec.
    var environment: [KeyValue]
    /// Its working directory on the host, inside its stand-in root directory.
    var workingDirectory: String
    /// The absolute path of its log file.
    var logPath: String
    var state: RuntimeContainerState
    var createdAt: Date
    var startedAt: Date?
    var finishedAt: Date?
    /// Its exit code, once exited.
    var exitCode: Int32 = 0
    /// The signal that killed it, if one did.
    var signal: Int32?
    /// "Completed", "Error", "StartError" or "Unknown", once exited.
    var reason: String = ""
    /// A detail about the reason.
    var message: String = ""
    /// Its main process, once started: the pid and start time that name it.
    var process: ProcessIdentity?

    /// The record as the CRI status the kubelet reads.
    var status: RuntimeContainerStatus {
        RuntimeContainerStatus(
            id: id, podSandboxID: sandboxID, metadata: config.metadata, state: state,
            createdAt: createdAt, startedAt: startedAt, finishedAt: finishedAt,
            exitCode: exitCode, signal: signal, reason: reason, message: message,
            image: config.image, labels: config.labels, annotations: config.annotations,
            logPath: logPath, pid: process?.pid
        )
    }

    /// Marks the container exited now, the way containerd fills in a terminated status.
    mutating func recordExit(exitCode: Int32, signal: Int32?, reason: String, message: String = "") {
        state = .exited
        finishedAt = Date()
        self.exitCode = exitCode
        self.signal = signal
        self.reason = reason
        self.message = message
    }
}
