// Stage 2 · ClusterKinds: an image present on a node (core/v1 `ContainerImage`).
//
// The kubelet lists the images it holds in its node's status; the scheduler's
// ImageLocality score (stage 4) prefers nodes that already have a pod's images.

import API

/// One image on a node, under all its names; reported by the kubelet.
public struct ContainerImage: Sendable, Hashable {
    /// The names the image is known by (tags and digests). No omitempty: `null` when nil in
    /// Go; written here as a list, `[]` when empty.
    public var names: [String] = []
    public var sizeBytes: Int64 = 0

    public init() {}
}

extension ContainerImage: APIFields {
    public static let zero = ContainerImage()
    public static let fields: [JSONField<ContainerImage>] = [
        .always("names", \.names),
        .omitEmpty("sizeBytes", \.sizeBytes),
    ]
}
