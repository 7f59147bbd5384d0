// Stage 1 · CRI: what the runtime reports about a pod's sandbox.
//
// CRI's `PodSandboxStatus` (and, since the process runtime has no cheaper summary, also what
// `listPodSandboxes` returns in place of CRI's `PodSandbox`). A sandbox is ready from
// `runPodSandbox` until `stopPodSandbox`; after that the kubelet must make a new one to run the
// pod again.

import Foundation

/// Whether a sandbox can run containers: CRI's `SANDBOX_READY` / `SANDBOX_NOTREADY`.
public enum PodSandboxState: String, Sendable, Hashable, Codable {
    /// Created and not stopped: containers can be created in it.
    case ready
    /// Stopped: its containers are gone or exited, and it only waits to be removed.
    case notReady
}

/// One sandbox as the runtime sees it; the kubelet reads it while syncing a pod.
public struct PodSandboxStatus: Sendable, Hashable, Codable {
    /// The sandbox's id, as `runPodSandbox` returned it.
    public var id: String
    /// Which pod the sandbox was made for.
    public var metadata: PodSandboxMetadata
    public var state: PodSandboxState
    /// When `runPodSandbox` created it.
    public var createdAt: Date
    /// The pod's IP address (CRI's `network.ip`): the process runtime's pods share the host's
    /// network, so it is always `127.0.0.1` there.
    public var ip: String
    /// The pod's labels, as given in the config.
    public var labels: [String: String]
    /// The pod's annotations, as given in the config.
    public var annotations: [String: String]

    /// Makes a status; runtimes build it from what they recorded.
    public init(
        id: String, metadata: PodSandboxMetadata, state: PodSandboxState, createdAt: Date, ip: String,
        labels: [String: String] = [:], annotations: [String: String] = [:]
    ) {
        self.id = id
        self.metadata = metadata
        self.state = state
        self.createdAt = createdAt
        self.ip = ip
        self.labels = labels
        self.annotations = annotations
    }
}
