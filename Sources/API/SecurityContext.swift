// Stage 1 · API: the privileges one container runs with (core/v1 `SecurityContext`, `Capabilities`).
//
// Overrides the pod's `PodSecurityContext` where both say something, and adds what
// only makes sense per container: Linux capabilities, privileged mode, a read-only root
// filesystem, whether a process may gain privileges. The process runtime of this
// series applies only `runAsUser`, `runAsGroup` and `runAsNonRoot` (a container is a plain
// process, started as that user); the rest is kept and shown.

/// Security settings of one container.
public struct SecurityContext: Sendable, Hashable {
    public var capabilities: Capabilities?
    public var privileged: Bool?
    public var seLinuxOptions: SELinuxOptions?
    public var windowsOptions: WindowsSecurityContextOptions?
    public var runAsUser: Int64?
    public var runAsGroup: Int64?
    public var runAsNonRoot: Bool?
    public var readOnlyRootFilesystem: Bool?
    public var allowPrivilegeEscalation: Bool?
    public var procMount: ProcMountType?
    public var seccompProfile: SeccompProfile?
    public var appArmorProfile: AppArmorProfile?

    public init() {}
}

extension SecurityContext: APIFields {
    public static let typeDescription = "The privileges of one container; where the pod's securityContext says the same thing, this wins."
    public static let zero = SecurityContext()
    public static let fields: [JSONField<SecurityContext>] = [
        .pointer("capabilities", \.capabilities, "Linux capabilities to add to or drop from the runtime's default set."),
        .pointer("privileged", \.privileged, "Run with every capability and access to the host's devices, as root on the host is."),
        .pointer("seLinuxOptions", \.seLinuxOptions, "The container's SELinux context."),
        .pointer("windowsOptions", \.windowsOptions, "Settings for Windows containers."),
        .pointer("runAsUser", \.runAsUser, "The user id the process runs as; overrides the pod's."),
        .pointer("runAsGroup", \.runAsGroup, "The primary group id the process runs as; overrides the pod's."),
        .pointer("runAsNonRoot", \.runAsNonRoot, "When true, the kubelet refuses to start the container as root."),
        .pointer("readOnlyRootFilesystem", \.readOnlyRootFilesystem, "Mount the container's root filesystem read-only."),
        .pointer("allowPrivilegeEscalation", \.allowPrivilegeEscalation,
                 "Whether a process may gain more privileges than its parent (setuid binaries, no_new_privs unset)."),
        .pointer("procMount", \.procMount, "Default masks parts of /proc; Unmasked does not."),
        .pointer("seccompProfile", \.seccompProfile, "The container's seccomp profile; overrides the pod's."),
        .pointer("appArmorProfile", \.appArmorProfile, "The container's AppArmor profile; overrides the pod's."),
    ]
}

/// Linux capabilities (`NET_ADMIN`, `SYS_TIME`, …) added to and dropped from a container.
public struct Capabilities: Sendable, Hashable {
    public var add: [String] = []
    public var drop: [String] = []

    public init() {}
}

extension Capabilities: APIFields {
    public static let zero = Capabilities()
    public static let fields: [JSONField<Capabilities>] = [
        .omitEmpty("add", \.add, "Capabilities to add, such as NET_ADMIN."),
        .omitEmpty("drop", \.drop, "Capabilities to drop, such as ALL."),
    ]
}
