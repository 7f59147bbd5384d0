// Stage 2 · ClusterKinds: what a node runs (core/v1 `NodeSystemInfo`).
//
// Every field is a plain string without `omitempty`, so all ten are always written,
// empty or not. `kubectl get nodes` shows `kubeletVersion` as VERSION, and
// `-o wide` adds the OS image, kernel and container runtime.
// Left out: `swap` (a pointer, added in 1.30 for swap-aware scheduling).

import API

/// Ids and versions of a node's machine and software; reported by the kubelet at
/// registration, shown by kubectl.
public struct NodeSystemInfo: Sendable, Hashable {
    /// The machine's id from /etc/machine-id.
    public var machineID: String
    /// The machine's SMBIOS UUID.
    public var systemUUID: String
    /// The id of the current boot; a change means the machine rebooted.
    public var bootID: String
    /// `uname -r`.
    public var kernelVersion: String
    /// PRETTY_NAME from /etc/os-release, such as `Debian GNU/Linux 12 (bookworm)`.
    public var osImage: String
    /// The container runtime and its version, such as `containerd://1.7.0`.
    public var containerRuntimeVersion: String
    /// The kubelet's version, such as `v1.30.0`.
    public var kubeletVersion: String
    /// Deprecated; the kubelet no longer knows kube-proxy's version and leaves it empty.
    public var kubeProxyVersion: String
    /// `linux` or `darwin` (Go's GOOS).
    public var operatingSystem: String
    /// `amd64`, `arm64`… (Go's GOARCH).
    public var architecture: String

    /// Makes system info; every field defaults to "".
    public init(
        machineID: String = "", systemUUID: String = "", bootID: String = "", kernelVersion: String = "",
        osImage: String = "", containerRuntimeVersion: String = "", kubeletVersion: String = "",
        kubeProxyVersion: String = "", operatingSystem: String = "", architecture: String = ""
    ) {
        self.machineID = machineID
        self.systemUUID = systemUUID
        self.bootID = bootID
        self.kernelVersion = kernelVersion
        self.osImage = osImage
        self.containerRuntimeVersion = containerRuntimeVersion
        self.kubeletVersion = kubeletVersion
        self.kubeProxyVersion = kubeProxyVersion
        self.operatingSystem = operatingSystem
        self.architecture = architecture
    }
}

extension NodeSystemInfo: APIFields {
    public static let zero = NodeSystemInfo()
    public static let fields: [JSONField<NodeSystemInfo>] = [
        .always("machineID", \.machineID),
        .always("systemUUID", \.systemUUID),
        .always("bootID", \.bootID),
        .always("kernelVersion", \.kernelVersion),
        .always("osImage", \.osImage),
        .always("containerRuntimeVersion", \.containerRuntimeVersion),
        .always("kubeletVersion", \.kubeletVersion),
        .always("kubeProxyVersion", \.kubeProxyVersion),
        .always("operatingSystem", \.operatingSystem),
        .always("architecture", \.architecture),
    ]
}
