// Stage 1 · CRI: what a runtime says about an image, of which the kubelet needs the user.
//
// CRI's `ImageStatus` answers with an `Image`: its id, size, and the user its entrypoint runs
// as when the pod does not say (`USER` in a Dockerfile). The kubelet needs that user for one
// rule: a container with `runAsNonRoot: true` and no `runAsUser` must not start if the image
// would run it as root.

/// One image as the runtime describes it.
public struct Image: Sendable, Hashable, Codable {
    /// The image reference.
    public var id: String
    /// The numeric user the image runs as, if it names one.
    public var uid: Int64?
    /// The user name the image runs as, if it names one by name rather than number.
    public var username: String

    public init(id: String, uid: Int64? = nil, username: String = "") {
        self.id = id
        self.uid = uid
        self.username = username
    }
}
