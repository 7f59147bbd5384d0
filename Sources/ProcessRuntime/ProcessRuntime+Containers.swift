// Stage 1 · ProcessRuntime: creating, starting, reading and removing containers.
//
// CRI splits a container's life into create (prepare everything, start nothing), start (run
// the process), stop, and remove. The process runtime keeps that split: `createContainer`
// checks the config, builds the stand-in root directory and records the environment;
// `startContainer` only spawns. A container is started once; the kubelet "restarts" one by
// creating a new container with the next attempt number.

import CRI
import Common
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ProcessRuntime {
    /// Prepares a container in a ready sandbox and returns its id; the kubelet then starts it.
    public func createContainer(sandboxID: String, config: ContainerConfig, sandboxConfig: PodSandboxConfig) throws -> String {
        guard let sandbox = sandboxes[sandboxID] else { throw RuntimeError.notFound("pod sandbox \"\(sandboxID)\"") }
        guard sandbox.state == .ready else {
            throw RuntimeError.failedPrecondition("pod sandbox \"\(sandboxID)\" is not ready")
        }
        guard !config.metadata.name.isEmpty else {
            throw RuntimeError.invalidArgument("a container needs a name in its metadata")
        }
        guard !(config.command + config.args).isEmpty else {
            throw RuntimeError.invalidArgument("the process runtime has no image to take an entrypoint from; give the container a command")
        }
        _ = try Self.credentials(for: config.linux?.securityContext)
        let id = makeID()
        let rootfs = root.rootfs(id)
        let workingDirectory: String
        do {
            workingDirectory = try Self.prepareRootfs(rootfs, mounts: config.mounts, workingDir: config.workingDir)
        } catch {
            try? root.remove(root.containerDirectory(id))
            throw error
        }
        let relativeLog = config.logPath.isEmpty ? "\(config.metadata.name)/\(config.metadata.attempt).log" : config.logPath
        let record = StoredContainer(
            id: id, sandboxID: sandboxID, config: config,
            environment: Self.environment(for: config, sandbox: sandboxConfig),
            workingDirectory: workingDirectory,
            logPath: logDirectory(of: sandbox) + "/" + relativeLog,
            state: .created, createdAt: Date()
        )
        try save(record)
        logger.info("container created", ["name": config.metadata.name, "attempt": config.metadata.attempt, "container": id.prefix(12)])
        return id
    }

    /// Starts a created container's process; if it cannot start, the container is recorded as
    /// exited with containerd's "StartError" and the call throws `failedToStart`.
    public func startContainer(id: String) throws {
        var record = try container(id)
        guard record.state == .created else {
            throw RuntimeError.failedPrecondition("container \"\(id)\" is \(record.state.rawValue), not created")
        }
        let arguments = record.config.command + record.config.args
        do {
            try Self.checkWorkingDirectory(record.workingDirectory, as: record.config.workingDir)
            let logDirectory = (record.logPath as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: logDirectory, withIntermediateDirectories: true)
            // The container writes to pipes; the log writer's threads time-stamp each line.
            let output = try ContainerLogWriter.start(logPath: record.logPath, rotation: logRotation)
            logWriters[id] = output
            defer {
                close(output.stdout)
                close(output.stderr)
            }
            let pid = try ProcessLauncher.spawn(.init(
                arguments: arguments,
                environment: record.environment.map { "\($0.key)=\($0.value)" },
                workingDirectory: record.workingDirectory,
                output: .separate(stdout: output.stdout, stderr: output.stderr),
                credentials: try Self.credentials(for: record.config.linux?.securityContext)
            ))
            // Read right away: the child cannot have been reaped yet (only this actor reaps),
            // so the pid still names it, alive or zombie.
            record.process = ProcessIdentity.current(pid: pid) ?? ProcessIdentity(pid: pid, startTime: 0)
        } catch {
            let message = Self.startFailureMessage(error, command: arguments[0])
            record.recordExit(exitCode: Limits.startErrorExitCode, signal: nil, reason: "StartError", message: message)
            saveLoggingFailure(record)
            logger.warning("container failed to start", ["name": record.config.metadata.name, "error": message])
            throw RuntimeError.failedToStart(message)
        }
        record.state = .running
        record.startedAt = Date()
        children.insert(id)
        try save(record)
        logger.info("container started", ["name": record.config.metadata.name, "container": id.prefix(12), "pid": record.process?.pid ?? 0])
    }

    /// The current state of one container, after reaping it if its process has exited.
    public func containerStatus(id: String) throws -> RuntimeContainerStatus {
        reap(containerID: id)
        return try container(id).status
    }

    /// The containers of one sandbox (or all), oldest first, after reaping exited processes.
    public func listContainers(sandboxID: String?) -> [RuntimeContainerStatus] {
        reap()
        return containers.values
            .filter { sandboxID == nil || $0.sandboxID == sandboxID }
            .sorted { $0.createdAt < $1.createdAt }
            .map(\.status)
    }

    /// Deletes a container's directory and record, killing it first if it still runs. The log
    /// file is kept: it belongs to the kubelet's log directory, where `kubectl logs --previous`
    /// reads an earlier attempt's output.
    public func removeContainer(id: String) async throws {
        guard containers[id] != nil else { return }
        try await stopContainer(id: id, timeout: .zero)
        // Re-check after the await: a concurrent remove may have finished first.
        guard let record = containers[id] else { return }
        do {
            try root.remove(root.containerDirectory(id))
        } catch {
            throw RuntimeError.internalError("cannot remove the directory of container \(id): \(error)")
        }
        containers[id] = nil
        children.remove(id)
        logWriters[id] = nil
        logger.info("container removed", ["name": record.config.metadata.name, "container": id.prefix(12)])
    }

    /// The environment a container runs with: `PATH`, `HOSTNAME`, then its own variables, a
    /// later definition of a name replacing an earlier one in place.
    static func environment(for config: ContainerConfig, sandbox: PodSandboxConfig) -> [KeyValue] {
        let hostPath = ProcessInfo.processInfo.environment["PATH"] ?? Limits.defaultPath
        let hostname = sandbox.hostname.isEmpty ? sandbox.metadata.name : sandbox.hostname
        var result: [KeyValue] = [KeyValue(key: "PATH", value: hostPath), KeyValue(key: "HOSTNAME", value: hostname)]
        for variable in config.envs {
            if let index = result.firstIndex(where: { $0.key == variable.key }) {
                result[index].value = variable.value
            } else {
                result.append(variable)
            }
        }
        return result
    }

    /// The message for a process that would not start, in runc's words where runc has some.
    static func startFailureMessage(_ error: any Error, command: String) -> String {
        switch error {
        case let failure as ProcessLauncher.Failure where failure.step == "posix_spawnp":
            if failure.code == ENOENT && !command.contains("/") {
                return "exec: \"\(command)\": executable file not found in $PATH"
            }
            return "exec: \"\(command)\": \(String(cString: strerror(failure.code)))"
        case let failure as ProcessLauncher.Failure:
            return "\(failure.step): \(String(cString: strerror(failure.code)))"
        case let error as RuntimeError:
            if case .failedToStart(let message) = error { return message }
            return error.description
        default:
            return "\(error)"
        }
    }
}
