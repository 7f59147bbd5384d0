// Stage 1 · CRI: the Linux settings of a container that the process runtime honours.
//
// CRI's `LinuxContainerConfig` carries a container's resources and its security context;
// the process runtime has its own answer for resources (`ProcessRuntime+Limits.swift`), so
// this is only the security context, and of it only who the process runs as: a real
// runtime also applies capabilities, seccomp, SELinux and a read-only root, which a plain
// process on the host cannot have.

/// The Linux part of a `ContainerConfig`.
public struct LinuxContainerConfig: Sendable, Hashable, Codable {
    public var securityContext: LinuxContainerSecurityContext

    public init(securityContext: LinuxContainerSecurityContext = LinuxContainerSecurityContext()) {
        self.securityContext = securityContext
    }
}

/// Who a container's process runs as: the kubelet fills it from the pod's and the
/// container's `securityContext` (the container's winning), and nil means the image's user.
public struct LinuxContainerSecurityContext: Sendable, Hashable, Codable {
    /// The user id, `runAsUser`.
    public var runAsUser: Int64?
    /// The primary group id, `runAsGroup`.
    public var runAsGroup: Int64?

    public init(runAsUser: Int64? = nil, runAsGroup: Int64? = nil) {
        self.runAsUser = runAsUser
        self.runAsGroup = runAsGroup
    }
}
