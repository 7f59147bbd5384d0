// Stage 1 · API: what one container is doing (core/v1 `ContainerStatus`).
//
// `ready`, `restartCount`, `image` and `imageID` have no omitempty in Go: they are
// always written, so `"ready": false` and `"restartCount": 0` appear on a fresh pod.
// `state` and `lastState` are structs: always written, `{}` when empty.
// Left out: allocatedResources, resources, volumeMounts, user, allocatedResourcesStatus,
// stopSignal.

/// The observed state of one container; written by the kubelet, summed by
/// `kubectl get pods` into READY and RESTARTS.
public struct ContainerStatus: Sendable, Hashable {
    /// The container's name, as in the spec.
    public var name: String
    /// What the container is doing now.
    public var state: ContainerState
    /// How the container's previous run ended, if it restarted.
    public var lastState: ContainerState
    /// Whether the container passes its readiness probe.
    public var ready: Bool
    /// How many times the kubelet restarted the container.
    public var restartCount: Int32
    /// The image the container runs.
    public var image: String
    /// The exact image the runtime resolved.
    public var imageID: String
    /// The runtime's id for the container, as `<runtime>://<id>`.
    public var containerID: String
    /// Whether the container has started and passed its startup probe.
    public var started: Bool?

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
}

extension ContainerStatus: APIFields {
    public static let zero = ContainerStatus()
    public static let fields: [JSONField<ContainerStatus>] = [
        .always("name", \.name),
        .structure("state", \.state),
        .structure("lastState", \.lastState),
        .always("ready", \.ready),
        .always("restartCount", \.restartCount),
        .always("image", \.image),
        .always("imageID", \.imageID),
        .omitEmpty("containerID", \.containerID),
        .pointer("started", \.started),
    ]
}
