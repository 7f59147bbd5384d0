// Stage 1 · CRI: a host path made visible inside a container.
//
// CRI's `Mount`. The kubelet turns each of a container's `volumeMounts` into one, after it has
// made the volume's directory on the host (an `emptyDir` under the pod's directory, a
// `hostPath` as given). How the path appears depends on the runtime: a bind mount in a real
// one, a symbolic link in the process runtime (see `ProcessRuntime`).

/// One volume mount of a container: where it appears, and which host path it shows.
public struct Mount: Sendable, Hashable, Codable {
    /// The absolute path inside the container, such as `/data`.
    public var containerPath: String
    /// The absolute path on the host that appears there.
    public var hostPath: String
    /// Whether the container may only read it (not enforced by the process runtime).
    public var readonly: Bool

    /// Makes a mount; the kubelet calls it for each of a container's volume mounts.
    public init(containerPath: String, hostPath: String, readonly: Bool = false) {
        self.containerPath = containerPath
        self.hostPath = hostPath
        self.readonly = readonly
    }
}
