// Stage 1 · CRI: which pod a sandbox belongs to.
//
// CRI's `PodSandboxMetadata`. The runtime does not interpret it; it stores it and hands it
// back, so that the kubelet can tell, after a restart, which sandbox belongs to which pod.

/// The pod a sandbox was made for: the kubelet fills it in and reads it back from statuses.
public struct PodSandboxMetadata: Sendable, Hashable, Codable {
    public var name: String
    public var namespace: String
    /// The pod's uid, which tells two pods of the same name apart.
    public var uid: String
    /// How many sandboxes the kubelet made for this pod before this one (0 for the first).
    public var attempt: UInt32

    /// Makes the metadata the kubelet puts into a `PodSandboxConfig`.
    public init(name: String, namespace: String, uid: String, attempt: UInt32 = 0) {
        self.name = name
        self.namespace = namespace
        self.uid = uid
        self.attempt = attempt
    }
}
