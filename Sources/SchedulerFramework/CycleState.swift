// Stage 4 · SchedulerFramework: what plugins remember between the extension points of one pod's cycle.
//
// A scheduling cycle calls a plugin many times for one pod: once at PreFilter, then
// once per node at Filter. Work that depends only on the pod (its total requests, its
// host ports, the counts of matching pods per zone) is done once at PreFilter and
// written here under the plugin's name; Filter reads it back for each node. A fresh
// CycleState is made for every pod, so nothing leaks from one pod to the next.
//
// It also records which plugins said `skip`, so the framework leaves them out of
// Filter or Score for this pod. It is a class because every extension point must see
// the same state; the values sit behind a Mutex so that the binding cycle, which runs
// on another task, can read what the scheduling cycle wrote.

import Synchronization

/// Per-pod, per-cycle plugin data, keyed by plugin name (Kubernetes' framework.CycleState).
public final class CycleState: Sendable {
    @usableFromInline
    struct Contents: Sendable {
        /// Each value in a box of its own type, so that a read checks one type identity
        /// rather than casting an existential: Filter and Score read once per node.
        @usableFromInline var values: [String: any AnyObject & Sendable] = [:]
        var skipFilterPlugins: Set<String> = []
        var skipScorePlugins: Set<String> = []
    }

    @usableFromInline let contents = Mutex(Contents())

    /// One stored value; immutable, so a clone may share it.
    @usableFromInline
    final class Box<Value: Sendable>: Sendable {
        @usableFromInline let value: Value
        init(_ value: Value) { self.value = value }
    }

    public init() {}

    /// Stores `value` under `key` (a plugin's name, or the name plus a suffix).
    public func write(_ key: String, _ value: some Sendable) {
        contents.withLock { $0.values[key] = Box(value) }
    }

    /// The value stored under `key`, if it is a `T`. Inlinable, so that each plugin's
    /// call is specialised for its own state type: Score calls it once per node.
    @inlinable
    public func read<T: Sendable>(_ key: String, as type: T.Type = T.self) -> T? {
        contents.withLock { contents -> T? in
            guard let box = contents.values[key], ObjectIdentifier(Swift.type(of: box)) == ObjectIdentifier(Box<T>.self) else { return nil }
            return unsafeDowncast(box, to: Box<T>.self).value
        }
    }

    /// Removes what is stored under `key`.
    public func delete(_ key: String) {
        _ = contents.withLock { $0.values.removeValue(forKey: key) }
    }

    /// The plugins whose PreFilter said `skip`: Filter does not call them for this pod.
    public var skipFilterPlugins: Set<String> {
        get { contents.withLock { $0.skipFilterPlugins } }
        set { contents.withLock { $0.skipFilterPlugins = newValue } }
    }

    /// The plugins whose PreScore said `skip`: Score does not call them for this pod.
    public var skipScorePlugins: Set<String> {
        get { contents.withLock { $0.skipScorePlugins } }
        set { contents.withLock { $0.skipScorePlugins = newValue } }
    }

    /// A copy, for preemption's what-if runs, which must not disturb the real cycle.
    public func clone() -> CycleState {
        let copy = CycleState()
        let snapshot = contents.withLock { $0 }
        copy.contents.withLock { $0 = snapshot }
        return copy
    }
}
