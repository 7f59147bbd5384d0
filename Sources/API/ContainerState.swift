// Stage 1 · API: a container's state: waiting, running or terminated (core/v1 `ContainerState`).
//
// Go models the three-way choice as a struct of three pointers, at most one set; we
// keep that shape so the JSON matches (`{"running": {"startedAt": …}}`, or `{}` for
// none). The three state structs live here because they only exist inside this one.

/// What a container is doing; the kubelet sets exactly one member (none before the
/// first sync). `kubectl get pods` shows the waiting or terminated reason as STATUS.
public struct ContainerState: Sendable, Hashable {
    /// Not running yet, or between restarts (`ContainerCreating`, `CrashLoopBackOff`).
    public var waiting: ContainerStateWaiting?
    /// Running since `startedAt`.
    public var running: ContainerStateRunning?
    /// Exited, with a code and reason.
    public var terminated: ContainerStateTerminated?

    /// Makes a state; set at most one member.
    public init(
        waiting: ContainerStateWaiting? = nil, running: ContainerStateRunning? = nil,
        terminated: ContainerStateTerminated? = nil
    ) {
        self.waiting = waiting
        self.running = running
        self.terminated = terminated
    }
}

extension ContainerState: APIFields {
    public static let zero = ContainerState()
    public static let fields: [JSONField<ContainerState>] = [
        .pointer("waiting", \.waiting),
        .pointer("running", \.running),
        .pointer("terminated", \.terminated),
    ]
}

/// A container that is not running yet (core/v1 `ContainerStateWaiting`).
public struct ContainerStateWaiting: Sendable, Hashable {
    /// Why, in CamelCase: `ContainerCreating`, `CrashLoopBackOff`, `ErrImagePull`, ….
    public var reason: String
    /// Details for a person.
    public var message: String

    public init(reason: String = "", message: String = "") {
        self.reason = reason
        self.message = message
    }
}

extension ContainerStateWaiting: APIFields {
    public static let zero = ContainerStateWaiting()
    public static let fields: [JSONField<ContainerStateWaiting>] = [
        .omitEmpty("reason", \.reason),
        .omitEmpty("message", \.message),
    ]
}

/// A running container (core/v1 `ContainerStateRunning`).
public struct ContainerStateRunning: Sendable, Hashable {
    /// When the container last started.
    public var startedAt: Time

    public init(startedAt: Time = .zero) { self.startedAt = startedAt }
}

extension ContainerStateRunning: APIFields {
    public static let zero = ContainerStateRunning()
    public static let fields: [JSONField<ContainerStateRunning>] = [
        .structure("startedAt", \.startedAt),
    ]
}

/// A container that exited (core/v1 `ContainerStateTerminated`).
public struct ContainerStateTerminated: Sendable, Hashable {
    public var exitCode: Int32 = 0
    /// The signal that killed it, if any.
    public var signal: Int32 = 0
    /// Why, in CamelCase: `Completed`, `Error`, `OOMKilled`.
    public var reason: String = ""
    /// Details, such as the termination message.
    public var message: String = ""
    /// When the run started.
    public var startedAt: Time = .zero
    /// When it ended.
    public var finishedAt: Time = .zero
    /// The runtime's id for the container that ran.
    public var containerID: String = ""

    public init() {}
}

extension ContainerStateTerminated: APIFields {
    public static let zero = ContainerStateTerminated()
    public static let fields: [JSONField<ContainerStateTerminated>] = [
        .always("exitCode", \.exitCode),
        .omitEmpty("signal", \.signal),
        .omitEmpty("reason", \.reason),
        .omitEmpty("message", \.message),
        .structure("startedAt", \.startedAt),
        .structure("finishedAt", \.finishedAt),
        .omitEmpty("containerID", \.containerID),
    ]
}
