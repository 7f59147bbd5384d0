// Stage 1 · API: the three ways to check a container (core/v1 `ProbeHandler` and its actions).
//
// Exactly one of `exec`, `httpGet` and `tcpSocket` should be set; like Go, decoding does
// not insist (validation does). The actions live in this file with the handler because
// they are only ever read through it. Left out: `grpc`.

/// What a probe checks; inlined into `Probe`'s JSON. Read by the kubelet's prober.
public struct ProbeHandler: Sendable, Hashable, Codable {
    /// Run a command in the container; exit status 0 is success.
    public var exec: ExecAction?
    /// GET a URL from the container; a status from 200 to 399 is success.
    public var httpGet: HTTPGetAction?
    /// Open a TCP connection to the container; connecting is success.
    public var tcpSocket: TCPSocketAction?

    /// Makes a handler; set one of the three.
    public init(exec: ExecAction? = nil, httpGet: HTTPGetAction? = nil, tcpSocket: TCPSocketAction? = nil) {
        self.exec = exec
        self.httpGet = httpGet
        self.tcpSocket = tcpSocket
    }

    private enum CodingKeys: String, CodingKey { case exec, httpGet, tcpSocket }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        exec = try c.decodeIfPresent(.exec)
        httpGet = try c.decodeIfPresent(.httpGet)
        tcpSocket = try c.decodeIfPresent(.tcpSocket)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(exec, forKey: .exec)
        try c.encodeIfPresent(httpGet, forKey: .httpGet)
        try c.encodeIfPresent(tcpSocket, forKey: .tcpSocket)
    }
}

/// A command run inside the container by the prober (core/v1 `ExecAction`).
public struct ExecAction: Sendable, Hashable, Codable {
    /// The command and its arguments; not run through a shell.
    public var command: [String]

    /// Makes an exec action.
    public init(command: [String] = []) { self.command = command }

    private enum CodingKeys: String, CodingKey { case command }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        command = try c.decode(.command, or: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(command, forKey: .command)
    }
}

/// An HTTP GET made by the prober (core/v1 `HTTPGetAction`).
public struct HTTPGetAction: Sendable, Hashable, Codable {
    /// The path to request, such as `/healthz`.
    public var path: String
    /// The port: a number, or the name of a container port. Always written.
    public var port: IntOrString
    /// The host to connect to; empty means the pod's IP.
    public var host: String
    /// HTTP or HTTPS; nil (unset) means HTTP.
    public var scheme: URIScheme?
    /// Extra request headers.
    public var httpHeaders: [HTTPHeader]

    /// Makes an HTTP GET action.
    public init(
        path: String = "", port: IntOrString = .int(0), host: String = "", scheme: URIScheme? = nil,
        httpHeaders: [HTTPHeader] = []
    ) {
        self.path = path
        self.port = port
        self.host = host
        self.scheme = scheme
        self.httpHeaders = httpHeaders
    }

    private enum CodingKeys: String, CodingKey { case path, port, host, scheme, httpHeaders }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(.path, or: "")
        port = try c.decode(.port, or: .int(0))
        host = try c.decode(.host, or: "")
        scheme = try c.decodeMember(.scheme)
        httpHeaders = try c.decode(.httpHeaders, or: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(path, forKey: .path)
        try c.encode(port, forKey: .port)
        try c.encodeUnlessEmpty(host, forKey: .host)
        try c.encodeIfPresent(scheme, forKey: .scheme)
        try c.encodeUnlessEmpty(httpHeaders, forKey: .httpHeaders)
    }
}

/// One header of a probe's HTTP request (core/v1 `HTTPHeader`); both fields always written.
public struct HTTPHeader: Sendable, Hashable, Codable {
    /// The header's name.
    public var name: String
    /// The header's value.
    public var value: String

    /// Makes a header.
    public init(name: String = "", value: String = "") {
        self.name = name
        self.value = value
    }

    private enum CodingKeys: String, CodingKey { case name, value }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(.name, or: "")
        value = try c.decode(.value, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(value, forKey: .value)
    }
}

/// A TCP connection attempt made by the prober (core/v1 `TCPSocketAction`).
public struct TCPSocketAction: Sendable, Hashable, Codable {
    /// The port: a number, or the name of a container port. Always written.
    public var port: IntOrString
    /// The host to connect to; empty means the pod's IP.
    public var host: String

    /// Makes a TCP socket action.
    public init(port: IntOrString = .int(0), host: String = "") {
        self.port = port
        self.host = host
    }

    private enum CodingKeys: String, CodingKey { case port, host }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        port = try c.decode(.port, or: .int(0))
        host = try c.decode(.host, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(port, forKey: .port)
        try c.encodeUnlessEmpty(host, forKey: .host)
    }
}
