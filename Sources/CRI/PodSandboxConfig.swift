// Stage 1 · CRI: what the kubelet asks for when it creates a pod's sandbox.
//
// CRI's `PodSandboxConfig`, reduced to the fields the process runtime can honour. The kubelet
// builds it from a pod: metadata from the pod's name, namespace and uid; the log directory
// from Kubernetes' layout, `/var/log/pods/<namespace>_<name>_<uid>`; the hostname from the
// pod's `spec.hostname` or its name.

/// The description of a pod's sandbox that the kubelet passes to `runPodSandbox`.
public struct PodSandboxConfig: Sendable, Hashable, Codable {
    /// Which pod this sandbox is for.
    public var metadata: PodSandboxMetadata
    /// The pod's labels, stored so that `listPodSandboxes` can return them.
    public var labels: [String: String]
    /// The pod's annotations, stored likewise.
    public var annotations: [String: String]
    /// The absolute directory under which the containers' log files go; each container's
    /// `logPath` is relative to it, as in CRI. Empty means "under the runtime's own root".
    public var logDirectory: String
    /// The hostname the containers see (`HOSTNAME`); empty means the pod's name.
    public var hostname: String

    /// Makes a sandbox config; the kubelet calls it while translating a pod.
    public init(
        metadata: PodSandboxMetadata,
        labels: [String: String] = [:],
        annotations: [String: String] = [:],
        logDirectory: String = "",
        hostname: String = ""
    ) {
        self.metadata = metadata
        self.labels = labels
        self.annotations = annotations
        self.logDirectory = logDirectory
        self.hostname = hostname
    }
}
