// Stage 1 · API: what resizing a container's resources in place does (core/v1 `ContainerResizePolicy`).
//
// Kubernetes can change a running container's CPU or memory without recreating the
// pod; each resource says whether that needs a restart of the container. Kept and
// shown; the kubelet of this series does not resize.

/// The restart policy of an in-place resize of one resource.
public struct ContainerResizePolicy: Sendable, Hashable {
    public var resourceName: String = ""
    public var restartPolicy: ResourceResizeRestartPolicy?

    public init() {}
}

extension ContainerResizePolicy: APIFields {
    public static let zero = ContainerResizePolicy()
    public static let fields: [JSONField<ContainerResizePolicy>] = [
        .always("resourceName", \.resourceName, "The resource, cpu or memory."),
        .alwaysMember("restartPolicy", \.restartPolicy, "NotRequired, or RestartContainer to restart it on a resize."),
    ]
}
