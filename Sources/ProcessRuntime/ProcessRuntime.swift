// Stage 1 · ProcessRuntime: the process runtime — containers as plain processes.
//
// `ProcessRuntime` implements the CRI-shaped `ContainerRuntime` with nothing but the
// operating system's process calls, so it runs on Linux and macOS without root, images or
// namespaces. A container is one child process started with `posix_spawnp`
// (`ProcessLauncher`):
//
// - in its OWN PROCESS GROUP, so that stopping it reaches everything it started;
// - with the command and args as given, the first word looked up in `PATH`;
// - with an environment like the one Kubernetes gives: `PATH` (the kubelet's own, standing in
//   for the image's), `HOSTNAME` (the pod's hostname), then the container's `env`, later
//   entries winning. The kubelet's other variables are NOT passed on: a container must not
//   depend on, or learn secrets from, the environment of the node agent that started it;
// - with stdin from /dev/null, and stdout and stderr on pipes that `ContainerLogWriter`
//   copies into its log file, a timestamp a line (the CRI log format).
//
// Where a container "lives". There is no image and no mount namespace, so each container gets
// a directory `<root>/containers/<id>/rootfs` that stands in for its root filesystem:
//
// - `workingDir` (absolute in the pod spec) is resolved INSIDE that directory and created
//   there: `workingDir: /app` starts the process in `<root>/containers/<id>/rootfs/app`.
//   With no `workingDir`, the process starts in the stand-in root itself;
// - each volume mount appears as a symbolic link at its `mountPath`, resolved inside that
//   directory: a mount at `/data` is `rootfs/data → <hostPath>`. A program reaches its volume
//   through a relative path (`data/file` from the root, `../data` from `/app`); `readOnly`
//   is recorded but not enforced;
// - the process itself still sees the host's whole filesystem: `/etc` is the host's `/etc`.
//   Only a runtime with a mount namespace (runc) can give a container its own `/`.
//
// Exits are found the way the kubelet's PLEG finds them: by asking. Every status and list
// call first reaps (`waitpid(pid, WNOHANG)` for each running container), and records the exit
// code, or the killing signal as 128 + signal, and the time. No thread waits on children.
//
// A restarted runtime cannot adopt the processes an earlier one started: only a parent learns
// how its child ended. `recoverLeftovers()` therefore stops them (after checking that their
// pid still names the same process) and records them exited with containerd's "Unknown".
//
// The kubelet owns one `ProcessRuntime` and calls it from its pod workers; the actor makes
// those calls take turns. Every system call it makes returns at once; waiting for a process
// to exit is a loop of short sleeps, so a waiting call never blocks the actor's other callers.

import CRI
import Common
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The portable container runtime: runs each container as a process group of the host. The
/// stage's composition root makes one and hands it to the kubelet.
public actor ProcessRuntime: ContainerRuntime {
    /// The runtime's directory and record files.
    let root: RuntimeRoot
    let logger: Logger
    /// When a container's log is rotated, and how many of its files are kept (the kubelet's
    /// `--container-log-max-size` and `--container-log-max-files`).
    let logRotation: ContainerLogRotation

    // State, owned by the actor. Invariant: every entry is also on disk as a record, rewritten
    // (by `save`) before the method that changed it returns or awaits.

    /// Every sandbox, by id.
    var sandboxes: [String: StoredSandbox] = [:]
    /// Every container, by id.
    var containers: [String: StoredContainer] = [:]
    /// The containers whose process THIS runtime started: it is their parent and reaps them
    /// with `waitpid`. Running containers not in this set were left by an earlier runtime.
    var children: Set<String> = []
    /// The log writer of each container this runtime started, until the container has exited.
    var logWriters: [String: ContainerLogWriter] = [:]

    /// Opens (or creates) the runtime's directory at `root` and reads what an earlier runtime
    /// left there. Containers recorded as running are not touched until the caller runs
    /// `recoverLeftovers()`.
    public init(root: String, logRotation: ContainerLogRotation = ContainerLogRotation(), logger: Logger) throws {
        self.root = RuntimeRoot(path: root)
        self.logRotation = logRotation
        self.logger = logger
        do {
            try self.root.prepare()
        } catch {
            throw RuntimeError.internalError("cannot create the runtime directory \(root): \(error)")
        }
        let loadedSandboxes = self.root.readAll(StoredSandbox.self, in: self.root.sandboxesDirectory, fileName: "sandbox.json")
        let loadedContainers = self.root.readAll(StoredContainer.self, in: self.root.containersDirectory, fileName: "container.json")
        for file in loadedSandboxes.unreadable + loadedContainers.unreadable {
            logger.warning("skipping unreadable record", ["file": file])
        }
        sandboxes = Dictionary(loadedSandboxes.records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        containers = Dictionary(loadedContainers.records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Opens the runtime's directory at a file URL; see `init(root:logRotation:logger:)`.
    public init(root: URL, logRotation: ContainerLogRotation = ContainerLogRotation(), logger: Logger) throws {
        try self.init(root: root.path, logRotation: logRotation, logger: logger)
    }

    /// Names this runtime; the kubelet logs it at startup.
    public func version() -> RuntimeVersion {
        RuntimeVersion(version: "0.1.0", runtimeName: "process", runtimeVersion: "stage1", runtimeAPIVersion: "v1")
    }

    // MARK: Helpers shared by the extensions

    /// Writes a sandbox's record to memory and disk.
    func save(_ record: StoredSandbox) throws {
        sandboxes[record.id] = record
        do {
            try root.write(record, to: root.sandboxRecord(record.id))
        } catch {
            throw RuntimeError.internalError("cannot write the record of sandbox \(record.id): \(error)")
        }
    }

    /// Writes a container's record to memory and disk.
    func save(_ record: StoredContainer) throws {
        containers[record.id] = record
        do {
            try root.write(record, to: root.containerRecord(record.id))
        } catch {
            throw RuntimeError.internalError("cannot write the record of container \(record.id): \(error)")
        }
    }

    /// Writes a container's record where a failure to write can only be logged: while
    /// recording an exit, the exit has happened whether or not the disk agrees.
    func saveLoggingFailure(_ record: StoredContainer) {
        do {
            try save(record)
        } catch {
            logger.error("cannot save container record", ["id": record.id, "error": error])
        }
    }

    /// The container with this id, or a `notFound` error for the caller to throw.
    func container(_ id: String) throws -> StoredContainer {
        guard let record = containers[id] else { throw RuntimeError.notFound("container \"\(id)\"") }
        return record
    }

    /// A fresh random id of 64 hex digits, as containerd makes them.
    func makeID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<Limits.idBytes).map { _ in
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            return String(byte, radix: 16).leftPadded(to: 2)
        }.joined()
    }

    /// Waits for `interval` even when the calling task is cancelled. The runtime's waiting
    /// loops must be able to finish a stop during shutdown (a cancelled kubelet must still not
    /// leave orphans), and `Task.sleep` returns at once when cancelled, which would turn the
    /// loop into a busy spin.
    nonisolated static func pause(_ interval: Duration = Limits.pollInterval) async {
        let nanoseconds = Int(interval.seconds * 1e9)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().asyncAfter(deadline: .now() + DispatchTimeInterval.nanoseconds(nanoseconds)) {
                continuation.resume()
            }
        }
    }
}

extension String {
    /// The string with zeros in front up to `width` characters, for hex bytes.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
