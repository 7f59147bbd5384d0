// Stage 1 · API: the security settings pods and containers share (core/v1 `SELinuxOptions`,
// `SeccompProfile`, `AppArmorProfile`, `WindowsSecurityContextOptions`, `Sysctl`).
//
// Each is a small value that both `PodSecurityContext` and `SecurityContext` hold (all
// but `Sysctl`, which is the pod's alone); they live together because they are read
// together and each is a few lines.

/// An SELinux label: user, role, type and level.
public struct SELinuxOptions: Sendable, Hashable {
    public var user: String = ""
    public var role: String = ""
    public var type: String = ""
    public var level: String = ""

    public init() {}
}

extension SELinuxOptions: APIFields {
    public static let zero = SELinuxOptions()
    public static let fields: [JSONField<SELinuxOptions>] = [
        .omitEmpty("user", \.user, "The SELinux user of the label."),
        .omitEmpty("role", \.role, "The SELinux role of the label."),
        .omitEmpty("type", \.type, "The SELinux type of the label."),
        .omitEmpty("level", \.level, "The SELinux level of the label."),
    ]
}

/// Which seccomp profile filters the container's system calls.
public struct SeccompProfile: Sendable, Hashable {
    public var type: SeccompProfileType?
    public var localhostProfile: String?

    public init() {}
}

extension SeccompProfile: APIFields {
    public static let zero = SeccompProfile()
    public static let fields: [JSONField<SeccompProfile>] = [
        .alwaysMember("type", \.type, "Unconfined, RuntimeDefault (the runtime's profile) or Localhost (a file on the node)."),
        .pointer("localhostProfile", \.localhostProfile, "For Localhost: the profile's path, under the kubelet's seccomp directory."),
    ]
}

/// Which AppArmor profile confines the container.
public struct AppArmorProfile: Sendable, Hashable {
    public var type: AppArmorProfileType?
    public var localhostProfile: String?

    public init() {}
}

extension AppArmorProfile: APIFields {
    public static let zero = AppArmorProfile()
    public static let fields: [JSONField<AppArmorProfile>] = [
        .alwaysMember("type", \.type, "Unconfined, RuntimeDefault (the runtime's profile) or Localhost (one loaded on the node)."),
        .pointer("localhostProfile", \.localhostProfile, "For Localhost: the name of the loaded profile."),
    ]
}

/// Settings that only Windows containers read.
public struct WindowsSecurityContextOptions: Sendable, Hashable {
    public var gmsaCredentialSpecName: String?
    public var gmsaCredentialSpec: String?
    public var runAsUserName: String?
    public var hostProcess: Bool?

    public init() {}
}

extension WindowsSecurityContextOptions: APIFields {
    public static let zero = WindowsSecurityContextOptions()
    public static let fields: [JSONField<WindowsSecurityContextOptions>] = [
        .pointer("gmsaCredentialSpecName", \.gmsaCredentialSpecName, "The name of the GMSA credential spec to use."),
        .pointer("gmsaCredentialSpec", \.gmsaCredentialSpec, "The GMSA credential spec itself, inlined."),
        .pointer("runAsUserName", \.runAsUserName, "The Windows user name the process runs as."),
        .pointer("hostProcess", \.hostProcess, "Run as a Windows host process."),
    ]
}

/// One namespaced kernel parameter set for a pod (`net.ipv4.ip_local_port_range`).
public struct Sysctl: Sendable, Hashable {
    public var name: String = ""
    public var value: String = ""

    public init() {}
}

extension Sysctl: APIFields {
    public static let zero = Sysctl()
    public static let fields: [JSONField<Sysctl>] = [
        .always("name", \.name, "The parameter's name."),
        .always("value", \.value, "The value to set."),
    ]
}
