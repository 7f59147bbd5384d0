// Stage 2 · ClusterKinds: who reported an event (core/v1 `EventSource`).
//
// The older way to say where an event came from: `kubectl get events` shows
// `kubelet, node-1` from these two fields. Both are `omitempty`.

/// The component and host that recorded an event; set by event recorders.
public struct EventSource: Sendable, Hashable, Codable {
    /// The reporting component, such as `kubelet` or `default-scheduler`.
    public var component: String
    /// The node the event was recorded on.
    public var host: String

    /// Makes an event source.
    public init(component: String = "", host: String = "") {
        self.component = component
        self.host = host
    }

    private enum CodingKeys: String, CodingKey { case component, host }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        component = try c.decode(.component, or: "")
        host = try c.decode(.host, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(component, forKey: .component)
        try c.encodeUnlessEmpty(host, forKey: .host)
    }
}
