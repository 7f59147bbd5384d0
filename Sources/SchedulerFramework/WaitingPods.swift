// Stage 4 · SchedulerFramework: pods a Permit plugin holds back, until every such plugin allows them or one rejects.
//
// A Permit plugin that answers `wait` (a gang scheduler waiting for the rest of its
// group, say) leaves the pod assumed on its node but not bound. Something else, later,
// calls `allow` for each waiting plugin, or `reject`; if nobody does within the
// plugin's timeout, the pod is rejected. The binding cycle suspends on the pod's entry
// here in the meantime (Kubernetes' waitingPodsMap and WaitOnPermit).

import Synchronization

/// The pods held back at Permit, keyed by pod UID (or namespace/name).
public final class WaitingPods: Sendable {
    private struct Entry {
        var pendingPlugins: Set<String>
        var continuation: CheckedContinuation<Status, Never>?
        var outcome: Status?
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    /// The keys of the pods now waiting.
    public var keys: [String] { entries.withLock { Array($0.keys) } }

    /// Lets the pod go as far as `plugin` is concerned; when no plugin is left, it proceeds.
    public func allow(_ key: String, plugin: String) {
        entries.withLock { entries in
            guard var entry = entries[key], entry.outcome == nil else { return }
            entry.pendingPlugins.remove(plugin)
            entries[key] = entry
            if entry.pendingPlugins.isEmpty { Self.finish(&entries, key, .success) }
        }
    }

    /// Rejects the waiting pod; its binding cycle fails with this message.
    public func reject(_ key: String, plugin: String, message: String) {
        entries.withLock { Self.finish(&$0, key, Status(.unschedulable, message, plugin: plugin)) }
    }

    /// Waits until the pod is allowed or rejected, or `timeout` passes (rejected by `timeoutPlugin`).
    func wait(_ key: String, plugins: Set<String>, timeout: Duration, timeoutPlugin: String) async -> Status {
        entries.withLock { $0[key] = Entry(pendingPlugins: plugins) }
        return await withTaskGroup(of: Status?.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    self.entries.withLock { entries in
                        if let outcome = entries[key]?.outcome {
                            entries[key] = nil
                            continuation.resume(returning: outcome)
                        } else {
                            entries[key]?.continuation = continuation
                        }
                    }
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                self.reject(key, plugin: timeoutPlugin,
                            message: "rejected due to timeout after waiting \(timeout) at plugin \(timeoutPlugin)")
                return nil
            }
            var outcome: Status = .success
            for await result in group {
                if let result {
                    outcome = result
                    break
                }
            }
            group.cancelAll()
            return outcome
        }
    }

    private static func finish(_ entries: inout [String: Entry], _ key: String, _ outcome: Status) {
        guard var entry = entries[key], entry.outcome == nil else { return }
        if let continuation = entry.continuation {
            entries[key] = nil
            continuation.resume(returning: outcome)
        } else {
            entry.outcome = outcome
            entries[key] = entry
        }
    }
}
