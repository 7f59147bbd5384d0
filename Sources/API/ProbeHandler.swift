// Stage 1 · API: the three ways to check a container (core/v1 `ProbeHandler` and its actions).
//
// Exactly one of `exec`, `httpGet` and `tcpSocket` should be set; like Go, decoding does
// not insist (validation does). The actions live in this file with the handler because
// they are only ever read through it. Left out: `grpc`.

/// What a probe checks; inlined into `Probe`'s JSON. Read by the kubelet's prober.
public struct ProbeHandler: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var exec: ExecAction?
    public var httpGet: HTTPGetAction?
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
        .pointer("exec", \.exec, "Run a command in the container; exit status 0 is success."),
        .pointer("httpGet", \.httpGet, "Send an HTTP GET; a status from 200 to 399 is success."),
        .pointer("tcpSocket", \.tcpSocket, "Open a TCP connection; connecting is success."),
    ]
}

/// A command run inside the container by the prober (core/v1 `ExecAction`).
public struct ExecAction: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var command: [String]

    public init(command: [String] = []) { self.command = command }
}

extension ExecAction: APIFields {
    public static let zero = ExecAction()
    public static let fields: [JSONField<ExecAction>] = [
        .omitEmpty("command", \.command, "The command and its arguments, run without a shell."),
    ]
}

/// An HTTP GET made by the prober (core/v1 `HTTPGetAction`).
public struct HTTPGetAction: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var path: String
    public var port: IntOrString
    public var host: String
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
        .omitEmpty("path", \.path, "The path to request; / by default."),
        .always("port", \.port, "The port, by number or by the name of a container port."),
        .omitEmpty("host", \.host, "The host to connect to; by default the pod's IP."),
        .member("scheme", \.scheme, "HTTP (the default) or HTTPS."),
        .omitEmpty("httpHeaders", \.httpHeaders, "Headers to send with the request."),
    ]
}

/// One header of a probe's HTTP request (core/v1 `HTTPHeader`).
public struct HTTPHeader: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var name: String = ""
    public var value: String = ""

    public init() {}
}

extension HTTPHeader: APIFields {
    public static let zero = HTTPHeader()
    public static let fields: [JSONField<HTTPHeader>] = [
        .always("name", \.name, "The header name."),
        .always("value", \.value, "The header value."),
    ]
}

/// A TCP connection attempt made by the prober (core/v1 `TCPSocketAction`).
public struct TCPSocketAction: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var port: IntOrString
    public var host: String

    public init(port: IntOrString = .int(0), host: String = "") {
        self.port = port
        self.host = host
    }
}

extension TCPSocketAction: APIFields {
    public static let zero = TCPSocketAction()
    public static let fields: [JSONField<TCPSocketAction>] = [
        .always("port", \.port, "The port, by number or by the name of a container port."),
        .omitEmpty("host", \.host, "The host to connect to; by default the pod's IP."),
    ]
}
