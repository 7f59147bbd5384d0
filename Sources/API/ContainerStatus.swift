// Stage 1 · API: what one container is doing (core/v1 `ContainerStatus`).
//
// `ready`, `restartCount`, `image` and `imageID` have no omitempty in Go: they are
// always written, so `"ready": false` and `"restartCount": 0` appear on a fresh pod.
// `state` and `lastState` are structs: always written, `{}` when empty.
// Left out: allocatedResources, resources, volumeMounts, user, allocatedResourcesStatus,
// stopSignal.

/// The observed state of one container; written by the kubelet, summed by
/// `kubectl get pods` into READY and RESTARTS.
public struct ContainerStatus: Sendable, Hashable, Codable {
    /// The container's name, as in the spec. Always written.
    public var name: String
    /// What the container is doing now.
    public var state: ContainerState
    /// How the container's previous run ended, if it restarted.
    public var lastState: ContainerState
    /// Whether the container passes its readiness probe. Always written.
    public var ready: Bool
    /// How many times the kubelet restarted the container. Always written.
    public var restartCount: Int32
    /// The image the container runs. Always written.
    public var image: String
    /// The exact image the runtime resolved. Always written.
    public var imageID: String
    /// The runtime's id for the container, as `<runtime>://<id>`.
    public var containerID: String
    /// Whether the container has started and passed its startup probe.
    public var started: Bool?

    /// Makes a container status.
    public init(
        name: String = "", state: ContainerState = ContainerState(), lastState: ContainerState = ContainerState(),
        ready: Bool = false, restartCount: Int32 = 0, image: String = "", imageID: String = "",
        containerID: String = "", started: Bool? = nil
    ) {
        self.name = name
        self.state = state
        self.lastState = lastState
        self.ready = ready
        self.restartCount = restartCount
        self.image = image
        self.imageID = imageID
        self.containerID = containerID
        self.started = started
    }

    private enum CodingKeys: String, CodingKey {
        case name, state, lastState, ready, restartCount, image, imageID, containerID, started
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(.name, or: "")
        state = try c.decode(.state, or: ContainerState())
        lastState = try c.decode(.lastState, or: ContainerState())
        ready = try c.decode(.ready, or: false)
        restartCount = try c.decode(.restartCount, or: 0)
        image = try c.decode(.image, or: "")
        imageID = try c.decode(.imageID, or: "")
        containerID = try c.decode(.containerID, or: "")
        started = try c.decodeIfPresent(.started)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(state, forKey: .state)
        try c.encode(lastState, forKey: .lastState)
        try c.encode(ready, forKey: .ready)
        try c.encode(restartCount, forKey: .restartCount)
        try c.encode(image, forKey: .image)
        try c.encode(imageID, forKey: .imageID)
        try c.encodeUnlessEmpty(containerID, forKey: .containerID)
        try c.encodeIfPresent(started, forKey: .started)
    }
}
