// Stage 1 · API: a port a container listens on (core/v1 `ContainerPort`).
//
// Mostly informational in Kubernetes (a container may listen on ports it does not
// list), but a named port can be referred to by probes (`port: http`) and Services.

/// A port of a container; its name is resolved by the prober for `port: <name>`.
public struct ContainerPort: Sendable, Hashable, Codable {
    /// An IANA-style name for the port, such as `http`.
    public var name: String
    /// A port on the node to forward to this one; 0 means none.
    public var hostPort: Int32
    /// The port inside the container. Always written (no omitempty).
    public var containerPort: Int32
    /// The transport; nil (unset) means TCP.
    public var `protocol`: `Protocol`?
    /// The node address to bind `hostPort` on.
    public var hostIP: String

    /// Makes a container port.
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

    private enum CodingKeys: String, CodingKey { case name, hostPort, containerPort, `protocol`, hostIP }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(.name, or: "")
        hostPort = try c.decode(.hostPort, or: 0)
        containerPort = try c.decode(.containerPort, or: 0)
        `protocol` = try c.decodeMember(.protocol)
        hostIP = try c.decode(.hostIP, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(name, forKey: .name)
        try c.encodeUnlessEmpty(hostPort, forKey: .hostPort)
        try c.encode(containerPort, forKey: .containerPort)
        try c.encodeIfPresent(`protocol`, forKey: .protocol)
        try c.encodeUnlessEmpty(hostIP, forKey: .hostIP)
    }
}
