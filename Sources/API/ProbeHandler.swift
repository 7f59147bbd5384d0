// Stage 1 · API: the three ways to check a container (core/v1 `ProbeHandler` and its actions).
//
// Exactly one of `exec`, `httpGet` and `tcpSocket` should be set; like Go, decoding does
// not insist (validation does). The actions live in this file with the handler because
// they are only ever read through it. Left out: `grpc`.

/// What a probe checks; inlined into `Probe`'s JSON. Read by the kubelet's prober.
public struct ProbeHandler: Sendable, Hashable {
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
}

extension ProbeHandler: APIFields {
    public static let zero = ProbeHandler()
    public static let fields: [JSONField<ProbeHandler>] = [
        .pointer("exec", \.exec),
        .pointer("httpGet", \.httpGet),
        .pointer("tcpSocket", \.tcpSocket),
    ]
}

/// A command run inside the container by the prober (core/v1 `ExecAction`).
public struct ExecAction: Sendable, Hashable {
    /// The command and its arguments; not run through a shell.
    public var command: [String]

    public init(command: [String] = []) { self.command = command }
}

extension ExecAction: APIFields {
    public static let zero = ExecAction()
    public static let fields: [JSONField<ExecAction>] = [
        .omitEmpty("command", \.command),
    ]
}

/// An HTTP GET made by the prober (core/v1 `HTTPGetAction`).
public struct HTTPGetAction: Sendable, Hashable {
    /// The path to request, such as `/healthz`.
    public var path: String
    /// The port: a number, or the name of a container port.
    public var port: IntOrString
    /// The host to connect to; empty means the pod's IP.
    public var host: String
    /// HTTP or HTTPS; nil (unset) means HTTP.
    public var scheme: URIScheme?
    public var httpHeaders: [HTTPHeader]

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
}

extension HTTPGetAction: APIFields {
    public static let zero = HTTPGetAction()
    public static let fields: [JSONField<HTTPGetAction>] = [
        .omitEmpty("path", \.path),
        .always("port", \.port),
        .omitEmpty("host", \.host),
        .member("scheme", \.scheme),
        .omitEmpty("httpHeaders", \.httpHeaders),
    ]
}

/// One header of a probe's HTTP request (core/v1 `HTTPHeader`).
public struct HTTPHeader: Sendable, Hashable {
    public var name: String = ""
    public var value: String = ""

    public init() {}
}

extension HTTPHeader: APIFields {
    public static let zero = HTTPHeader()
    public static let fields: [JSONField<HTTPHeader>] = [
        .always("name", \.name),
        .always("value", \.value),
    ]
}

/// A TCP connection attempt made by the prober (core/v1 `TCPSocketAction`).
public struct TCPSocketAction: Sendable, Hashable {
    /// The port: a number, or the name of a container port.
    public var port: IntOrString
    /// The host to connect to; empty means the pod's IP.
    public var host: String

    public init(port: IntOrString = .int(0), host: String = "") {
        self.port = port
        self.host = host
    }
}

extension TCPSocketAction: APIFields {
    public static let zero = TCPSocketAction()
    public static let fields: [JSONField<TCPSocketAction>] = [
        .always("port", \.port),
        .omitEmpty("host", \.host),
    ]
}
