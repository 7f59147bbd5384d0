// Stage 1 · API: a container's state: waiting, running or terminated (core/v1 `ContainerState`).
//
// Go models the three-way choice as a struct of three pointers, at most one set; we
// keep that shape so the JSON matches (`{"running": {"startedAt": …}}`, or `{}` for
// none). The three state structs live here because they only exist inside this one.

/// What a container is doing; the kubelet sets exactly one member (none before the
/// first sync). `kubectl get pods` shows the waiting or terminated reason as STATUS.
public struct ContainerState: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var waiting: ContainerStateWaiting?
    public var running: ContainerStateRunning?
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
        .pointer("waiting", \.waiting, "Not running yet, or between restarts (ContainerCreating, CrashLoopBackOff)."),
        .pointer("running", \.running, "Running since startedAt."),
        .pointer("terminated", \.terminated, "Exited, with a code and reason."),
    ]
}

/// A container that is not running yet (core/v1 `ContainerStateWaiting`).
public struct ContainerStateWaiting: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var reason: String
    public var message: String

    public init(reason: String = "", message: String = "") {
        self.reason = reason
        self.message = message
    }
}

extension ContainerStateWaiting: APIFields {
    public static let zero = ContainerStateWaiting()
    public static let fields: [JSONField<ContainerStateWaiting>] = [
        .omitEmpty("reason", \.reason, "Why, in CamelCase: ContainerCreating, CrashLoopBackOff, ErrImagePull."),
        .omitEmpty("message", \.message, "Details for a person."),
    ]
}

/// A running container (core/v1 `ContainerStateRunning`).
public struct ContainerStateRunning: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var startedAt: Time

    public init(startedAt: Time = .zero) { self.startedAt = startedAt }
}

extension ContainerStateRunning: APIFields {
    public static let zero = ContainerStateRunning()
    public static let fields: [JSONField<ContainerStateRunning>] = [
        .structure("startedAt", \.startedAt, "When the container last started."),
    ]
}

/// A container that exited (core/v1 `ContainerStateTerminated`).
public struct ContainerStateTerminated: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var exitCode: Int32 = 0
    public var signal: Int32 = 0
    public var reason: String = ""
    public var message: String = ""
    public var startedAt: Time = .zero
    public var finishedAt: Time = .zero
    public var containerID: String = ""

    public init() {}
}

extension ContainerStateTerminated: APIFields {
    public static let zero = ContainerStateTerminated()
    public static let fields: [JSONField<ContainerStateTerminated>] = [
        .always("exitCode", \.exitCode, "The exit status of the container's process; 128 + n when signal n killed it."),
        .omitEmpty("signal", \.signal, "The signal that killed it, if any."),
        .omitEmpty("reason", \.reason, "Why, in CamelCase: Completed, Error, OOMKilled."),
        .omitEmpty("message", \.message, "Details, such as the termination message."),
        .structure("startedAt", \.startedAt, "When the run started."),
        .structure("finishedAt", \.finishedAt, "When it ended."),
        .omitEmpty("containerID", \.containerID, "The runtime's id for the container that ran."),
    ]
}
