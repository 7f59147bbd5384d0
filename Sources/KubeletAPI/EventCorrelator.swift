// Stage 2 · KubeletAPI: repeats of one event become one Event whose count grows.
//
// A crash-looping container is started, fails and backs off again and again; a real
// kubelet does not write a new Event each time. client-go's event recorder (the
// `EventCorrelator` of `tools/record`) remembers the events it sent, keyed by everything
// that makes two events "the same": the source, the object (kind, namespace, name, uid,
// apiVersion), the type, the reason and the message. A repeat keeps the first one's name
// and `firstTimestamp`, bumps `count` and `lastTimestamp`, and is sent as a PATCH of
// those fields instead of a new Event. `kubectl describe` then shows it once:
//
//   Warning  BackOff  5s (x3 over 16s)  kubelet  Back-off restarting failed container …
//
// This is a pure value: `APIEventRecorder.run()` asks it what to send and tells it what
// the API server stored. The memory is bounded (`maximumRemembered`, client-go's LRU
// size): past it, the least recently seen event is forgotten and its next repeat
// starts a new Event. Left out: client-go's aggregation of *similar* events (same
// reason, different messages: "(combined from similar events)") and its rate limit.

import API
import ClusterKinds

/// What the recorder sent before, to fold repeats into counts; owned by one `run()` loop.
struct EventCorrelator: Sendable {
    /// How many distinct events are remembered (client-go's `maxLruCacheEntries`).
    static let maximumRemembered = 4096

    /// What is remembered of an event sent.
    struct Observed: Sendable, Equatable {
        var name: String
        var count: Int32
        var firstTimestamp: Time
    }

    /// The remembered events by key; `order` lists the keys, least recently seen first.
    private(set) var observed: [String: Observed] = [:]
    private var order: [String] = []

    /// `event` as it should be sent, and whether it repeats one sent before (then it is
    /// to be patched onto the event of that name, not created).
    mutating func correlate(_ event: Event) -> (event: Event, isRepeat: Bool) {
        let key = Self.key(event)
        guard let last = observed[key] else {
            remember(key, Observed(name: event.metadata.name, count: event.count, firstTimestamp: event.firstTimestamp))
            return (event, false)
        }
        var repeated = event
        repeated.metadata.name = last.name
        repeated.count = last.count + 1
        repeated.firstTimestamp = last.firstTimestamp
        remember(key, Observed(name: last.name, count: repeated.count, firstTimestamp: last.firstTimestamp))
        return (repeated, true)
    }

    /// Records what the API server stored for an event, so the next repeat patches it.
    mutating func update(with stored: Event) {
        remember(Self.key(stored), Observed(name: stored.metadata.name, count: stored.count, firstTimestamp: stored.firstTimestamp))
    }

    /// Forgets an event (its Event is gone from the server), so its next repeat is created anew.
    mutating func forget(_ event: Event) {
        let key = Self.key(event)
        observed[key] = nil
        order.removeAll { $0 == key }
    }

    private mutating func remember(_ key: String, _ value: Observed) {
        order.removeAll { $0 == key }
        order.append(key)
        observed[key] = value
        if order.count > Self.maximumRemembered { observed[order.removeFirst()] = nil }
    }

    /// What makes two events the same one (client-go's `getEventKey`).
    static func key(_ event: Event) -> String {
        let object = event.involvedObject
        return [event.source.component, event.source.host, object.kind, object.namespace, object.name, object.uid,
                object.apiVersion, event.type, event.reason, event.reportingComponent, event.reportingInstance, event.message]
            .joined(separator: "\u{0}")
    }
}
