// Stage 1 · CRI: what the kubelet asks for when it creates a container.
//
// CRI's `ContainerConfig`, reduced to what the process runtime can honour. The kubelet builds
// it from one container of a pod spec: `command` from `command`, `args` from `args`, `envs`
// from `env` (already expanded), `mounts` from `volumeMounts`, and `logPath` as
// `<container name>/<attempt>.log`, relative to the sandbox's log directory, which is
// Kubernetes' own layout under `/var/log/pods`.

/// The description of one container that the kubelet passes to `createContainer`.
public struct ContainerConfig: Sendable, Hashable, Codable {
    /// The container's name and restart attempt.
    public var metadata: ContainerMetadata
    /// The image reference from the pod spec. The process runtime has no images; it records the
    /// name so statuses can show it.
    public var image: String
    /// The entrypoint (the pod spec's `command`); its first word is looked up in `PATH`.
    public var command: [String]
    /// The arguments (the pod spec's `args`), appended to `command`.
    public var args: [String]
    /// The working directory, absolute inside the container; empty means the container's root.
    public var workingDir: String
    /// The environment variables, in order.
    public var envs: [KeyValue]
    /// The volumes to show inside the container.
    public var mounts: [Mount]
    /// The container's labels, stored and returned in statuses.
    public var labels: [String: String]
    /// The container's annotations, stored and returned in statuses.
    public var annotations: [String: String]
    /// Where its output goes, relative to the sandbox's `logDirectory`; empty means
    /// `<name>/<attempt>.log`.
    public var logPath: String
    /// Who the process runs as; nil (as in containers made before it existed) means the
    /// runtime's default.
    public var linux: LinuxContainerConfig?

    /// Makes a container config; the kubelet calls it while translating a pod's container.
    public init(
        metadata: ContainerMetadata,
        image: String = "",
        command: [String] = [],
        args: [String] = [],
        workingDir: String = "",
        envs: [KeyValue] = [],
        mounts: [Mount] = [],
        labels: [String: String] = [:],
        annotations: [String: String] = [:],
        logPath: String = "",
        linux: LinuxContainerConfig? = nil
    ) {
        self.metadata = metadata
        self.image = image
        self.command = command
        self.args = args
        self.workingDir = workingDir
        self.envs = envs
        self.mounts = mounts
        self.labels = labels
        self.annotations = annotations
        self.logPath = logPath
        self.linux = linux
    }
}
