// Stage 1 · API: a port a container listens on (core/v1 `ContainerPort`).
//
// Mostly informational in Kubernetes (a container may listen on ports it does not
// list), but a named port can be referred to by probes (`port: http`) and Services.

/// A port of a container; its name is resolved by the prober for `port: <name>`.
public struct ContainerPort: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var name: String
    public var hostPort: Int32
    public var containerPort: Int32
    public var `protocol`: `Protocol`?
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
        .omitEmpty("name", \.name, "A name for the port, unique in the pod, that probes and Services can use instead of the number."),
        .omitEmpty("hostPort", \.hostPort, "A port of the node forwarded to this one; rarely needed."),
        .always("containerPort", \.containerPort, "The port number the container listens on, from 1 to 65535."),
        .member("protocol", \.protocol, "TCP (the default), UDP or SCTP."),
        .omitEmpty("hostIP", \.hostIP, "The node address the hostPort binds to."),
    ]
}
