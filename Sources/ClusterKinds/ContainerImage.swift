// Stage 2 · ClusterKinds: an image present on a node (core/v1 `ContainerImage`).
//
// The kubelet lists the images it holds in its node's status; the scheduler's
// ImageLocality score (stage 4) prefers nodes that already have a pod's images.

/// One image on a node, under all its names; reported by the kubelet.
public struct ContainerImage: Sendable, Hashable, Codable {
    /// The names the image is known by (tags and digests). No omitempty: `null` when nil in
    /// Go; written here as a list, `[]` when empty.
    public var names: [String]
    /// The image's size in bytes.
    public var sizeBytes: Int64

    /// Makes an image entry.
    public init(names: [String] = [], sizeBytes: Int64 = 0) {
        self.names = names
        self.sizeBytes = sizeBytes
    }

    private enum CodingKeys: String, CodingKey { case names, sizeBytes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        names = try c.decode(.names, or: [])
        sizeBytes = try c.decode(.sizeBytes, or: 0)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(names, forKey: .names)
        try c.encodeUnlessEmpty(sizeBytes, forKey: .sizeBytes)
    }
}
