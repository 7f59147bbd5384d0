// Stage 2 · APIServer: watch, the simple way — list again and again, send the differences.
//
// Clients do not only read: they *watch*. `kubectl get pods -w` prints each change as
// it happens, and `kubectl delete` watches the pod to return the moment it is gone. A
// watch is a long answer, one JSON event per line, streamed as things change:
//
//   {"type":"ADDED","object":{…}}
//   {"type":"MODIFIED","object":{…}}
//   {"type":"DELETED","object":{…}}
//
// Stage 2's store cannot tell anyone what changed, so this watch finds out by listing
// every `interval` and comparing resourceVersions. It is correct but wasteful, and it
// can miss a change that is undone between two looks. Stage 3 gives the store a history
// of revisions and its `main` hands the API server a real watch instead of this one
// (both are a `WatchSource`); stage 2 keeps this one.

import API
import APIMachinery

/// Stage 2's `WatchSource`: a list every `interval`, compared with the one before.
public struct PollingWatch: WatchSource {
    /// How often a watch lists again, unless told otherwise.
    public static let defaultInterval = Duration.milliseconds(250)

    public let interval: Duration

    public init(interval: Duration = defaultInterval) { self.interval = interval }

    /// Lists until the sink closes, sending what appeared (ADDED), changed version
    /// (MODIFIED) or went (DELETED) since the last list; a list that fails ends the watch
    /// with an ERROR event. Watching from a resourceVersion, the first list sends as ADDED
    /// only the objects written after it.
    public func watch<Strategy: RESTStrategy>(
        _ storage: RESTStorage<Strategy>, _ request: WatchRequest, into sink: WatchSink<Strategy>
    ) async throws {
        var known: [String: Strategy.Object] = [:]
        var first = true
        while !sink.isClosed {
            let items: [Strategy.Object]
            do {
                items = try await storage.list(namespace: request.namespace, labels: request.labels, fields: request.fields).items
            } catch {
                try await sink.send(.error(error))
                return
            }
            var seen = Set<String>()
            for item in items {
                let key = "\(item.metadata.namespace)/\(item.metadata.name)"
                seen.insert(key)
                let previous = known[key]
                known[key] = item
                // Asked to start after a version, a first look still sends what changed since it.
                if previous == nil && (!first || request.sendsCurrentState || Self.isNewer(item, than: request.resourceVersion)) {
                    try await sink.send(.added(item))
                } else if let previous, previous.metadata.resourceVersion != item.metadata.resourceVersion {
                    try await sink.send(.modified(item))
                }
            }
            for (key, object) in known where !seen.contains(key) {
                known[key] = nil
                try await sink.send(.deleted(object))
            }
            first = false
            try await Task.sleep(for: interval)
        }
    }

    /// Whether `object` was written after `resourceVersion` (the store's revisions are numbers).
    static func isNewer(_ object: some APIObject, than resourceVersion: String) -> Bool {
        guard let version = Int64(object.metadata.resourceVersion), let since = Int64(resourceVersion) else { return false }
        return version > since
    }
}
