// Stage 1 · API: the privileges every container of a pod runs with (core/v1 `PodSecurityContext`).
//
// User and group ids, the group that owns the pod's volumes (`fsGroup`), kernel
// parameters (`sysctls`) and Linux security profiles. A container's own
// `SecurityContext` overrides the fields both have. Kubernetes always stores a pod
// with a security context, `{}` when the manifest had none (`Pod+Defaults.swift`):
// `kubectl debug` reads it without checking. The process runtime of this series runs
// containers as plain processes and applies only `runAsUser`, `runAsGroup` and
// `runAsNonRoot`; the rest is kept and shown.

/// Pod-wide security settings.
public struct PodSecurityContext: Sendable, Hashable {
    public var seLinuxOptions: SELinuxOptions?
    public var windowsOptions: WindowsSecurityContextOptions?
    public var runAsUser: Int64?
    public var runAsGroup: Int64?
    public var runAsNonRoot: Bool?
    public var supplementalGroups: [Int64] = []
    public var supplementalGroupsPolicy: SupplementalGroupsPolicy?
    public var fsGroup: Int64?
    public var sysctls: [Sysctl] = []
    public var fsGroupChangePolicy: PodFSGroupChangePolicy?
    public var seccompProfile: SeccompProfile?
    public var appArmorProfile: AppArmorProfile?

    public init() {}
}

extension PodSecurityContext: APIFields {
    public static let typeDescription = "Privileges every container of the pod runs with, unless a container sets its own."
    public static let zero = PodSecurityContext()
    public static let fields: [JSONField<PodSecurityContext>] = [
        .pointer("seLinuxOptions", \.seLinuxOptions, "The SELinux context of every container, unless a container sets its own."),
        .pointer("windowsOptions", \.windowsOptions, "Settings for Windows containers."),
        .pointer("runAsUser", \.runAsUser, "The user id container processes run as; by default the image's."),
        .pointer("runAsGroup", \.runAsGroup, "The primary group id container processes run as."),
        .pointer("runAsNonRoot", \.runAsNonRoot, "When true, the kubelet refuses to start a container that would run as root."),
        .omitEmpty("supplementalGroups", \.supplementalGroups, "Further group ids every container process belongs to."),
        .pointer("supplementalGroupsPolicy", \.supplementalGroupsPolicy,
                 "Merge (the default) adds the groups the image declares for the user; Strict uses only those listed here."),
        .pointer("fsGroup", \.fsGroup, "A group that owns the pod's volumes, and that every container process belongs to."),
        .omitEmpty("sysctls", \.sysctls, "Namespaced kernel parameters set for the pod."),
        .pointer("fsGroupChangePolicy", \.fsGroupChangePolicy,
                 "When volume ownership is changed to fsGroup: Always, or OnRootMismatch to skip volumes that already match."),
        .pointer("seccompProfile", \.seccompProfile, "The seccomp profile of every container, unless a container sets its own."),
        .pointer("appArmorProfile", \.appArmorProfile, "The AppArmor profile of every container, unless a container sets its own."),
    ]
}
