// Stage 2 · ClusterKinds: who reported an event (core/v1 `EventSource`).
//
// The older way to say where an event came from: `kubectl get events` shows
// `kubelet, node-1` from these two fields. Both are `omitempty`.

import API

/// The component and host that recorded an event; set by event recorders.
public struct EventSource: Sendable, Hashable {
    /// The reporting component, such as `kubelet` or `default-scheduler`.
    public var component: String
    /// The node the event was recorded on.
    public var host: String

    public init(component: String = "", host: String = "") {
        self.component = component
        self.host = host
    }
}

extension EventSource: APIFields {
    public static let zero = EventSource()
    public static let fields: [JSONField<EventSource>] = [
        .omitEmpty("component", \.component),
        .omitEmpty("host", \.host),
    ]
}
