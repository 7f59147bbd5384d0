// Stage 1 · Kubelet tests: a container runtime that plays back a script of container exits.
//
// The pod worker's decisions (restart or not, when, in which order, with which grace
// period) depend only on what the runtime tells it. This runtime tells it a script: for
// each container name, what each attempt does once started (exit at once with a code,
// or run until stopped), and what its exec probes answer. It runs no process and
// touches no file.
//
// Everything the worker asks is recorded, in order and with the time it was asked, as an
// `Event`. A test never sleeps to let the worker act: it awaits a condition on the events
// with a deadline (`waitFor`), through a stream every waiter gets of its own (`events()`),
// so it wakes the moment the worker does what it waits for.
//
//     let runtime = ScriptedRuntime(["web": [.exits(1), .runs]])
//     ... run a PodWorker over it ...
//     try await runtime.waitFor("web to be restarted") { $0.contains(.startContainer("web#1")) }

@testable import TestSupport
import CRI
import Foundation
import Testing

/// A `ContainerRuntime` that plays back scripted exits and records every call.
actor ScriptedRuntime: ContainerRuntime {
    /// What one attempt of a container does once started, and what its exec probes answer.
    struct Behaviour: Sendable {
        /// The exit code it exits with as soon as it starts, or nil to run until stopped.
        var exitCode: Int32?
        /// The exit code of every command `execSync` runs in it (an exec probe's verdict).
        var execExitCode: Int32 = 0

        /// Exits with `code` as soon as it has started: a crash, or a short job done.
        static func exits(_ code: Int32) -> Behaviour { Behaviour(exitCode: code) }
        /// Runs until the kubelet stops it or the test calls `finish`; exec commands succeed.
        static let runs = Behaviour(exitCode: nil)
        /// Runs, answering every exec command with `code`.
        static func runs(execExitCode code: Int32) -> Behaviour { Behaviour(exitCode: nil, execExitCode: code) }
    }

    /// One thing the runtime was asked, or did on its own. Containers are named
    /// `name#attempt` ("web#0" is the first attempt of "web").
    enum Call: Sendable, Hashable, CustomStringConvertible {
        case runPodSandbox
        case stopPodSandbox
        case removePodSandbox
        case createContainer(String)
        case startContainer(String)
        case stopContainer(String, timeout: Duration)
        case removeContainer(String)
        /// The worker asked how a container is, and was told this state.
        case containerStatus(String, RuntimeContainerState)
        case execSync(String, [String])
        /// Not a call: a scripted container exited by itself (or because the test said so).
        case exited(String, code: Int32)

        var description: String {
            switch self {
            case .runPodSandbox: "runPodSandbox"
            case .stopPodSandbox: "stopPodSandbox"
            case .removePodSandbox: "removePodSandbox"
            case .createContainer(let c): "createContainer(\(c))"
            case .startContainer(let c): "startContainer(\(c))"
            case .stopContainer(let c, let timeout): "stopContainer(\(c), timeout: \(timeout))"
            case .removeContainer(let c): "removeContainer(\(c))"
            case .containerStatus(let c, let state): "containerStatus(\(c)) -> \(state)"
            case .execSync(let c, let command): "execSync(\(c), \(command))"
            case .exited(let c, let code): "\(c) exited with \(code)"
            }
        }
    }

    /// A call and the moment it was made, by the wall clock the worker's back-off reads.
    struct Event: Sendable {
        var call: Call
        var time: Date
    }

    /// The most calls a test's worker may make. A worker gone wrong (restarting in a hot
    /// loop, say) would otherwise grow the log without end; past this, every call fails
    /// and the test records why, so a broken worker fails its test instead of hanging it.
    static let maximumCalls = 5_000

    /// The attempts scripted for each container name, in order; the last one repeats.
    private let script: [String: [Behaviour]]
    /// Every event so far, in order.
    private(set) var events: [Event] = []
    /// The containers created and not yet removed, by id (the id is `name#attempt`).
    private var containers: [String: CRI.RuntimeContainerStatus] = [:]
    /// The config each container attempt was created with, by id (`web#0`).
    private(set) var configs: [String: ContainerConfig] = [:]
    private var sandboxes: [String: PodSandboxStatus] = [:]
    private var subscribers: [UUID: AsyncStream<Event>.Continuation] = [:]
    /// Set once the worker has made `maximumCalls` calls; every call fails from then on.
    private var hasRunAway = false

    /// A runtime that plays `script`; a container it does not name runs until stopped.
    init(_ script: [String: [Behaviour]] = [:]) {
        self.script = script
    }

    /// The calls so far, without their times.
    var calls: [Call] { events.map(\.call) }

    /// True when nothing is left: every container and sandbox the worker made was removed.
    var isClean: Bool { containers.isEmpty && sandboxes.isEmpty }

    /// Makes the running container `name` (its latest attempt) exit with `code`, as if it ended by itself.
    func finish(_ name: String, exitCode code: Int32) {
        guard let id = containers.values.filter({ $0.metadata.name == name && $0.state == .running })
            .max(by: { $0.metadata.attempt < $1.metadata.attempt })?.id else {
            Issue.record("ScriptedRuntime.finish: \(name) has no running attempt")
            return
        }
        end(id, code: code)
    }

    // MARK: Waiting on events

    /// Every event, past ones first, then each new one as it happens; one stream per caller.
    func eventStream() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self)
        for event in events { continuation.yield(event) }
        let id = UUID()
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    /// Waits until `condition` holds of the calls so far, and returns them; throws
    /// `WaitTimeout`, listing every call, when `timeout` passes first.
    ///
    /// The deadline only costs time when the test is failing, so it is generous: a loaded
    /// machine may take seconds to schedule the worker.
    @discardableResult
    nonisolated func waitFor(
        _ awaited: String,
        timeout: Duration = WaitPolicy.defaultTimeout,
        sourceLocation: SourceLocation = #_sourceLocation,
        until condition: @escaping @Sendable ([Call]) -> Bool
    ) async throws -> [Event] {
        let stream = await eventStream()
        let seen = try await withThrowingTaskGroup(of: [Event]?.self) { group in
            group.addTask {
                var seen: [Event] = []
                var calls: [Call] = []
                for await event in stream {
                    seen.append(event)
                    calls.append(event.call)
                    if condition(calls) { return seen }
                }
                return nil
            }
            group.addTask {
                // Not a pause: the deadline, racing the events.
                try await Task.sleep(for: timeout)  // the deadline racing the events, not a pause (timing under test)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        if let seen { return seen }
        let history = await calls.map { "  \($0)" }.joined(separator: "\n")
        throw WaitTimeout(awaited: "\(awaited); the runtime saw:\n\(history)\n", timeout: timeout, sourceLocation: sourceLocation)
    }

    private func unsubscribe(_ id: UUID) { subscribers[id] = nil }

    /// Records `call`; throws once the worker has made more calls than any test needs.
    private func record(_ call: Call, at time: Date = Date()) throws {
        guard events.count < Self.maximumCalls else {
            if !hasRunAway {
                hasRunAway = true
                Issue.record("the worker made \(Self.maximumCalls) runtime calls: a hot loop? The last ones: \(calls.suffix(20))")
            }
            throw RuntimeError.internalError("ScriptedRuntime: too many calls")
        }
        let event = Event(call: call, time: time)
        events.append(event)
        for subscriber in subscribers.values { subscriber.yield(event) }
    }

    // MARK: The script

    private func behaviour(of name: String, attempt: UInt32) -> Behaviour {
        guard let attempts = script[name], let last = attempts.last else { return .runs }
        return Int(attempt) < attempts.count ? attempts[Int(attempt)] : last
    }

    private func end(_ id: String, code: Int32, signal: Int32? = nil) {
        guard containers[id]?.state == .running else { return }
        containers[id]?.state = .exited
        containers[id]?.exitCode = code
        containers[id]?.signal = signal
        containers[id]?.reason = code == 0 ? "Completed" : "Error"
        // One instant for both, so a test measures from exactly what the worker's back-off reads.
        let now = Date()
        containers[id]?.finishedAt = now
        try? record(.exited(id, code: code), at: now)  // past the limit the test has failed anyway
    }

    private func container(_ id: String) throws -> CRI.RuntimeContainerStatus {
        guard let status = containers[id] else { throw RuntimeError.notFound("container \"\(id)\"") }
        return status
    }

    // MARK: ContainerRuntime

    func version() -> RuntimeVersion {
        RuntimeVersion(version: "0.1.0", runtimeName: "scripted", runtimeVersion: "0.1.0", runtimeAPIVersion: "v1")
    }

    func runPodSandbox(_ config: PodSandboxConfig) throws -> String {
        try record(.runPodSandbox)
        let id = "sandbox-\(config.metadata.uid)"
        sandboxes[id] = PodSandboxStatus(id: id, metadata: config.metadata, state: .ready, createdAt: Date(), ip: "127.0.0.1")
        return id
    }

    func stopPodSandbox(id: String) throws {
        try record(.stopPodSandbox)
        for container in containers.values where container.podSandboxID == id {
            end(container.id, code: 137, signal: 9)  // killed: 128 + SIGKILL
        }
        sandboxes[id]?.state = .notReady
    }

    func removePodSandbox(id: String) throws {
        try record(.removePodSandbox)
        sandboxes[id] = nil
        containers = containers.filter { $0.value.podSandboxID != id }
    }

    func podSandboxStatus(id: String) throws -> PodSandboxStatus {
        guard let status = sandboxes[id] else { throw RuntimeError.notFound("sandbox \"\(id)\"") }
        return status
    }

    func listPodSandboxes() -> [PodSandboxStatus] { Array(sandboxes.values) }

    func createContainer(sandboxID: String, config: ContainerConfig, sandboxConfig: PodSandboxConfig) throws -> String {
        guard sandboxes[sandboxID]?.state == .ready else { throw RuntimeError.failedPrecondition("sandbox \(sandboxID) is not ready") }
        let id = "\(config.metadata.name)#\(config.metadata.attempt)"
        let now = Date()
        try record(.createContainer(id), at: now)
        configs[id] = config
        containers[id] = CRI.RuntimeContainerStatus(
            id: id, podSandboxID: sandboxID, metadata: config.metadata, state: .created, createdAt: now,
            image: config.image, labels: config.labels, logPath: "/dev/null")
        return id
    }

    func startContainer(id: String) throws {
        try record(.startContainer(id))
        guard try container(id).state == .created else { throw RuntimeError.failedPrecondition("container \(id) is not created") }
        containers[id]?.state = .running
        containers[id]?.startedAt = Date()
        let status = try container(id)
        if let code = behaviour(of: status.metadata.name, attempt: status.metadata.attempt).exitCode {
            end(id, code: code)
        }
    }

    func stopContainer(id: String, timeout: Duration) throws {
        try record(.stopContainer(id, timeout: timeout))
        // The scripted container obeys SIGTERM at once: 128 + 15.
        end(id, code: 143, signal: 15)
    }

    func removeContainer(id: String) throws {
        try record(.removeContainer(id))
        end(id, code: 137, signal: 9)  // removing a running container kills it
        containers[id] = nil
    }

    func containerStatus(id: String) throws -> CRI.RuntimeContainerStatus {
        let status = try container(id)
        try record(.containerStatus(id, status.state))
        return status
    }

    func listContainers(sandboxID: String?) -> [CRI.RuntimeContainerStatus] {
        containers.values.filter { sandboxID == nil || $0.podSandboxID == sandboxID }
    }

    func execSync(containerID: String, command: [String], timeout: Duration) throws -> ExecSyncResult {
        try record(.execSync(containerID, command))
        let status = try container(containerID)
        guard status.state == .running else { throw RuntimeError.failedPrecondition("container \(containerID) is not running") }
        let code = behaviour(of: status.metadata.name, attempt: status.metadata.attempt).execExitCode
        return ExecSyncResult(exitCode: code, output: code == 0 ? "" : "scripted failure")
    }
}

extension [ScriptedRuntime.Call] {
    /// How many times the worker was told that container `id` is in `state`.
    func statusAnswers(_ id: String, _ state: RuntimeContainerState) -> Int {
        filter { $0 == .containerStatus(id, state) }.count
    }

    /// The containers created, in order, as `name#attempt`.
    var created: [String] {
        compactMap { if case .createContainer(let id) = $0 { id } else { nil } }
    }
}
