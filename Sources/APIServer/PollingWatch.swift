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
// every `interval` and comparing revisions. It is correct but wasteful, and it can miss a
// change that is undone between two looks. Stage 3 gives the store a history of
// revisions and its `main` hands the API server a real watch instead of this one (both
// are a `WatchSource`); stage 2 keeps this one.
//
// What a watch remembers between two looks is each key's stored value: the bytes the
// store holds anyway (shared, not copied) and whether the selectors picked it. Only a
// value whose revision changed is decoded, to select it and send it. Remembering decoded
// objects instead cost about 4.7 KB per object per watch, and decoding every object four
// times a second cost a core (`bench memory`).

import API
import APIMachinery
import Storage

/// Stage 2's `WatchSource`: a list every `interval`, compared with the one before.
public struct PollingWatch: WatchSource {
    /// How often a watch lists again, unless told otherwise.
    public static let defaultInterval = Duration.milliseconds(250)

    public let interval: Duration

    public init(interval: Duration = defaultInterval) { self.interval = interval }

    /// What a watch remembers of one key from its last look.
    private struct Seen {
        /// The stored value (its bytes are the store's own, not a copy).
        var value: StoredValue
        /// Whether the watch's selectors picked it, so that it was sent.
        var isSelected: Bool
    }

    /// Lists until the sink closes, sending what appeared (ADDED), changed version
    /// (MODIFIED) or went (DELETED) since the last list; an object that stops matching the
    /// selectors goes as DELETED and one that starts as ADDED, as in Kubernetes. A list
    /// that fails ends the watch with an ERROR event. Watching from a resourceVersion, the
    /// first list sends as ADDED only the objects written after it.
    public func watch<Strategy: RESTStrategy>(
        _ storage: RESTStorage<Strategy>, _ request: WatchRequest, into sink: WatchSink<Strategy>
    ) async throws {
        var known: [String: Seen] = [:]
        var first = true
        let prefix = Strategy.Object.resource.storagePrefix(namespace: request.namespace)
        let since = Int64(request.resourceVersion)
        while !sink.isClosed {
            do {
                let values: [StoredValue]
                do { values = try await storage.store.list(prefix: prefix).items } catch { throw Status.internalError("\(error)") }
                var present = Set<String>()
                for value in values {
                    present.insert(value.key)
                    let previous = known[value.key]
                    if let previous, previous.value.modRevision == value.modRevision { continue }
                    let object = try storage.object(from: value)
                    let isSelected = RESTStorage<Strategy>.selects(object, labels: request.labels, fields: request.fields)
                    known[value.key] = Seen(value: value, isSelected: isSelected)
                    switch (previous?.isSelected ?? false, isSelected) {
                    case (false, true):
                        // Asked to start after a version, a first look still sends what changed since it.
                        if !first || request.sendsCurrentState || since.map({ value.modRevision > $0 }) == true {
                            try await sink.send(.added(object))
                        }
                    case (true, true): try await sink.send(.modified(object))
                    case (true, false):
                        if let previous { try await sink.send(.deleted(storage.object(from: previous.value))) }
                    case (false, false): break
                    }
                }
                for (key, seen) in known where !present.contains(key) {
                    known[key] = nil
                    if seen.isSelected { try await sink.send(.deleted(storage.object(from: seen.value))) }
                }
            } catch let status as Status {
                // The store could not be listed, or a value could not be read: the watch ends.
                try await sink.send(.error(status))
                return
            }
            first = false
            try await Task.sleep(for: interval)
        }
    }
}
