// Stage 1 · CRI: which of a pod's containers, and which attempt of it.
//
// CRI's `ContainerMetadata`. The kubelet restarts a crashed container by creating a NEW
// container with the same name and `attempt + 1`; the runtime keeps the metadata so the kubelet
// can count restarts and find the previous attempt's log.

/// The container's name in the pod spec and its restart attempt, as the kubelet assigns them.
public struct ContainerMetadata: Sendable, Hashable, Codable {
    /// The container's name in the pod's spec.
    public var name: String
    /// How many times the kubelet created this container before (0 for the first run).
    public var attempt: UInt32

    /// Makes container metadata; the kubelet calls it while translating a pod's container.
    public init(name: String, attempt: UInt32 = 0) {
        self.name = name
        self.attempt = attempt
    }
}
