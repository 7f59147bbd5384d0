// Stage 1 · API: what the kubelet runs as a container starts and stops (core/v1 `Lifecycle`).
//
// A container may name two hooks. `postStart` runs right after the container has
// started, beside its main process (not before it); if it fails, the kubelet kills the
// container, which the restart policy then treats as a crash. `preStop` runs before the
// kubelet sends SIGTERM, inside the grace period: the place for "drain my connections"
// or "tell the leader I am going". Each hook is one `LifecycleHandler`: a command, an
// HTTP GET, a pause (`sleep`), or, kept only so that old manifests still decode, a TCP
// socket, which Kubernetes has never run as a hook. The actions are the probes' own
// (`ProbeHandler.swift`); `SleepAction` is the hooks' alone. Left out: `stopSignal`.

/// A container's two hooks; read by the kubelet when it starts and kills the container.
public struct Lifecycle: Sendable, Hashable {
    public var postStart: LifecycleHandler?
    public var preStop: LifecycleHandler?

    public init(postStart: LifecycleHandler? = nil, preStop: LifecycleHandler? = nil) {
        self.postStart = postStart
        self.preStop = preStop
    }
}

extension Lifecycle: APIFields {
    public static let zero = Lifecycle()
    public static let fields: [JSONField<Lifecycle>] = [
        .pointer("postStart", \.postStart, "Run right after the container starts; a failure kills the container."),
        .pointer("preStop", \.preStop, "Run before the container is sent SIGTERM, within its grace period."),
    ]
}

/// One hook: set exactly one of its actions (validation insists, decoding does not).
public struct LifecycleHandler: Sendable, Hashable {
    public var exec: ExecAction?
    public var httpGet: HTTPGetAction?
    public var tcpSocket: TCPSocketAction?
    public var sleep: SleepAction?

    public init(exec: ExecAction? = nil, httpGet: HTTPGetAction? = nil, tcpSocket: TCPSocketAction? = nil, sleep: SleepAction? = nil) {
        self.exec = exec
        self.httpGet = httpGet
        self.tcpSocket = tcpSocket
        self.sleep = sleep
    }
}

extension LifecycleHandler: APIFields {
    public static let zero = LifecycleHandler()
    public static let fields: [JSONField<LifecycleHandler>] = [
        .pointer("exec", \.exec, "Run a command in the container; a non-zero exit fails the hook."),
        .pointer("httpGet", \.httpGet, "GET a URL from the container; a status outside 200–399 fails the hook."),
        .pointer("tcpSocket", \.tcpSocket, "Accepted for old manifests; the kubelet fails such a hook, as Kubernetes does."),
        .pointer("sleep", \.sleep, "Wait a number of seconds (a preStop that gives load balancers time to notice)."),
    ]
}

/// A pause of `seconds`, as a hook (core/v1 `SleepAction`).
public struct SleepAction: Sendable, Hashable {
    public var seconds: Int64

    public init(seconds: Int64 = 0) { self.seconds = seconds }
}

extension SleepAction: APIFields {
    public static let zero = SleepAction()
    public static let fields: [JSONField<SleepAction>] = [
        .always("seconds", \.seconds),
    ]
}
