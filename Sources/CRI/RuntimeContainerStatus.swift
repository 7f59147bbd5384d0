// Stage 1 · CRI: what the runtime reports about one container.
//
// CRI's `ContainerStatus`, which the kubelet turns into a pod's `containerStatuses`: `running`
// with `startedAt`, or `terminated` with `exitCode`, `reason`, `finishedAt`. Here its name
// (and its state's) says "runtime", so that the kubelet, which reads both this and the
// pod's `ContainerStatus` of the API, never has to tell them apart by module. It is also what
// `listContainers` returns (in place of CRI's shorter `Container`), so it carries the
// sandbox id as CRI's `Container` does.
//
// The reason follows containerd: "Completed" for exit code 0, "Error" for any other exit, and
// "Unknown" (exit code 255) when the runtime lost track of how a container ended, which
// happens when a restarted runtime finds a container an earlier one left behind.

import Foundation

/// The life-cycle state of a container: CRI's `CONTAINER_CREATED`, `_RUNNING`, `_EXITED`,
/// `_UNKNOWN`.
public enum RuntimeContainerState: String, Sendable, Hashable, Codable {
    /// Created but not yet started.
    case created
    /// Its process runs.
    case running
    /// Its process has ended; exit code and reason say how.
    case exited
    /// The runtime cannot tell.
    case unknown
}

/// One container as the runtime sees it; the kubelet reads it on every pod sync.
public struct RuntimeContainerStatus: Sendable, Hashable, Codable {
    /// The container's id, as `createContainer` returned it.
    public var id: String
    public var podSandboxID: String
    /// The container's name and restart attempt.
    public var metadata: ContainerMetadata
    public var state: RuntimeContainerState
    /// When `createContainer` created it.
    public var createdAt: Date
    /// When its process started, once it has.
    public var startedAt: Date?
    /// When its process ended, once it has.
    public var finishedAt: Date?
    /// The exit code: the process's own, or 128 + the signal that killed it (137 for SIGKILL),
    /// as a shell and containerd report it. Zero until the container has exited.
    public var exitCode: Int32
    /// The signal that killed the process, when a signal did.
    public var signal: Int32?
    /// A one-word reason once exited: "Completed", "Error" or "Unknown".
    public var reason: String
    /// A human-readable detail about the reason, often empty.
    public var message: String
    /// The image the config named.
    public var image: String
    public var labels: [String: String]
    public var annotations: [String: String]
    /// The absolute path of the log file its output goes to.
    public var logPath: String
    /// The process id of its main process, once started (also the process group id).
    public var pid: Int32?

    /// Makes a status; runtimes build it from what they recorded.
    public init(
        id: String, podSandboxID: String, metadata: ContainerMetadata, state: RuntimeContainerState,
        createdAt: Date, startedAt: Date? = nil, finishedAt: Date? = nil,
        exitCode: Int32 = 0, signal: Int32? = nil, reason: String = "", message: String = "",
        image: String = "", labels: [String: String] = [:], annotations: [String: String] = [:],
        logPath: String, pid: Int32? = nil
    ) {
        self.id = id
        self.podSandboxID = podSandboxID
        self.metadata = metadata
        self.state = state
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.exitCode = exitCode
        self.signal = signal
        self.reason = reason
        self.message = message
        self.image = image
        self.labels = labels
        self.annotations = annotations
        self.logPath = logPath
        self.pid = pid
    }
}
