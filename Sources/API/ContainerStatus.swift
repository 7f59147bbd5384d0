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
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var name: String
    public var state: ContainerState
    public var lastState: ContainerState
    public var ready: Bool
    public var restartCount: Int32
    public var image: String
    public var imageID: String
    public var containerID: String
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
        .always("name", \.name, "The container's name, as in the spec."),
        .structure("state", \.state, "What the container is doing now."),
        .structure("lastState", \.lastState, "How the container's previous run ended, if it restarted."),
        .always("ready", \.ready, "Whether the container passes its readiness probe."),
        .always("restartCount", \.restartCount, "How many times the kubelet restarted the container."),
        .always("image", \.image, "The image the container runs."),
        .always("imageID", \.imageID, "The exact image the runtime resolved."),
        .omitEmpty("containerID", \.containerID, "The runtime's id for the container, as <runtime>://<id>."),
        .pointer("started", \.started, "Whether the container has started and passed its startup probe."),
    ]
}
