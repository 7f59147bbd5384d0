// Stage 1 · API: a port a container listens on (core/v1 `ContainerPort`).
//
// Mostly informational in Kubernetes (a container may listen on ports it does not
// list), but a named port can be referred to by probes (`port: http`) and Services.

/// A port of a container; its name is resolved by the prober for `port: <name>`.
public struct ContainerPort: Sendable, Hashable {
    /// An IANA-style name for the port, such as `http`.
    public var name: String
    /// A port on the node to forward to this one; 0 means none.
    public var hostPort: Int32
    /// The port inside the container.
    public var containerPort: Int32
    /// The transport; nil (unset) means TCP.
    public var `protocol`: `Protocol`?
    /// The node address to bind `hostPort` on.
    public var hostIP: String

    public init(
        name: String = "", hostPort: Int32 = 0, containerPort: Int32 = 0, protocol: `Protocol`? = nil,
        hostIP: String = ""
    ) {
        self.name = name
        self.hostPort = hostPort
        self.containerPort = containerPort
        self.protocol = `protocol`
        self.hostIP = hostIP
    }
}

extension ContainerPort: APIFields {
    public static let zero = ContainerPort()
    public static let fields: [JSONField<ContainerPort>] = [
        .omitEmpty("name", \.name),
        .omitEmpty("hostPort", \.hostPort),
        .always("containerPort", \.containerPort),
        .member("protocol", \.protocol),
        .omitEmpty("hostIP", \.hostIP),
    ]
}
