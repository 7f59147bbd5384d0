// Stage 1 · API: a container's state: waiting, running or terminated (core/v1 `ContainerState`).
//
// Go models the three-way choice as a struct of three pointers, at most one set; we
// keep that shape so the JSON matches (`{"running": {"startedAt": …}}`, or `{}` for
// none). The three state structs live here because they only exist inside this one.

/// What a container is doing; the kubelet sets exactly one member (none before the
/// first sync). `kubectl get pods` shows the waiting or terminated reason as STATUS.
public struct ContainerState: Sendable, Hashable, Codable {
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

    private enum CodingKeys: String, CodingKey { case waiting, running, terminated }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        waiting = try c.decodeIfPresent(.waiting)
        running = try c.decodeIfPresent(.running)
        terminated = try c.decodeIfPresent(.terminated)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(waiting, forKey: .waiting)
        try c.encodeIfPresent(running, forKey: .running)
        try c.encodeIfPresent(terminated, forKey: .terminated)
    }
}

/// A container that is not running yet (core/v1 `ContainerStateWaiting`).
public struct ContainerStateWaiting: Sendable, Hashable, Codable {
    /// Why, in CamelCase: `ContainerCreating`, `CrashLoopBackOff`, `ErrImagePull`, ….
    public var reason: String
    /// Details for a person.
    public var message: String

    /// Makes a waiting state.
    public init(reason: String = "", message: String = "") {
        self.reason = reason
        self.message = message
    }

    private enum CodingKeys: String, CodingKey { case reason, message }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reason = try c.decode(.reason, or: "")
        message = try c.decode(.message, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(reason, forKey: .reason)
        try c.encodeUnlessEmpty(message, forKey: .message)
    }
}

/// A running container (core/v1 `ContainerStateRunning`).
public struct ContainerStateRunning: Sendable, Hashable, Codable {
    /// When the container last started. Always written (null when unset).
    public var startedAt: Time

    /// Makes a running state.
    public init(startedAt: Time = .zero) { self.startedAt = startedAt }

    private enum CodingKeys: String, CodingKey { case startedAt }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        startedAt = try c.decode(.startedAt, or: .zero)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(startedAt, forKey: .startedAt)
    }
}

/// A container that exited (core/v1 `ContainerStateTerminated`).
public struct ContainerStateTerminated: Sendable, Hashable, Codable {
    /// The exit status. Always written.
    public var exitCode: Int32
    /// The signal that killed it, if any.
    public var signal: Int32
    /// Why, in CamelCase: `Completed`, `Error`, `OOMKilled`.
    public var reason: String
    /// Details, such as the termination message.
    public var message: String
    /// When the run started. Always written (null when unset).
    public var startedAt: Time
    /// When it ended. Always written (null when unset).
    public var finishedAt: Time
    /// The runtime's id for the container that ran.
    public var containerID: String

    /// Makes a terminated state.
    public init(
        exitCode: Int32 = 0, signal: Int32 = 0, reason: String = "", message: String = "",
        startedAt: Time = .zero, finishedAt: Time = .zero, containerID: String = ""
    ) {
        self.exitCode = exitCode
        self.signal = signal
        self.reason = reason
        self.message = message
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.containerID = containerID
    }

    private enum CodingKeys: String, CodingKey {
        case exitCode, signal, reason, message, startedAt, finishedAt, containerID
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        exitCode = try c.decode(.exitCode, or: 0)
        signal = try c.decode(.signal, or: 0)
        reason = try c.decode(.reason, or: "")
        message = try c.decode(.message, or: "")
        startedAt = try c.decode(.startedAt, or: .zero)
        finishedAt = try c.decode(.finishedAt, or: .zero)
        containerID = try c.decode(.containerID, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(exitCode, forKey: .exitCode)
        try c.encodeUnlessEmpty(signal, forKey: .signal)
        try c.encodeUnlessEmpty(reason, forKey: .reason)
        try c.encodeUnlessEmpty(message, forKey: .message)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(finishedAt, forKey: .finishedAt)
        try c.encodeUnlessEmpty(containerID, forKey: .containerID)
    }
}
