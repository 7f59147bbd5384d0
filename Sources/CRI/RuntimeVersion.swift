// Stage 1 · CRI: what a runtime says about itself.
//
// CRI's `VersionResponse`. The kubelet asks for it once at startup, logs it, and (in real
// Kubernetes) refuses to run against a runtime whose CRI version it does not speak.

/// The runtime's name and versions, as CRI's `Version` call returns them to the kubelet.
public struct RuntimeVersion: Sendable, Hashable, Codable {
    /// The version of the kubelet's runtime API this runtime implements (CRI's `version`).
    public var version: String
    /// The runtime's name, such as `process` here or `containerd` in a real cluster.
    public var runtimeName: String
    /// The runtime's own version.
    public var runtimeVersion: String
    /// The CRI API version, `v1`.
    public var runtimeAPIVersion: String

    /// Makes a version report; runtimes call it from `version()`.
    public init(version: String, runtimeName: String, runtimeVersion: String, runtimeAPIVersion: String) {
        self.version = version
        self.runtimeName = runtimeName
        self.runtimeVersion = runtimeVersion
        self.runtimeAPIVersion = runtimeAPIVersion
    }
}
