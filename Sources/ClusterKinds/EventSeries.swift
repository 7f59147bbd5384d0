// Stage 2 · ClusterKinds: how often an event repeated (core/v1 `EventSeries`).
//
// The newer events API folds repeats into a series instead of bumping `count`.
// Kept so that events written by newer clients decode.

import APIMachinery

/// The repeats of an event; written by recorders that use the events.k8s.io API.
public struct EventSeries: Sendable, Hashable, Codable {
    /// How many times the event has been seen in this series.
    public var count: Int32
    /// When the event was last seen. Always written; `null` when unset.
    public var lastObservedTime: MicroTime

    /// Makes a series.
    public init(count: Int32 = 0, lastObservedTime: MicroTime = .zero) {
        self.count = count
        self.lastObservedTime = lastObservedTime
    }

    private enum CodingKeys: String, CodingKey { case count, lastObservedTime }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        count = try c.decode(.count, or: 0)
        lastObservedTime = try c.decode(.lastObservedTime, or: .zero)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(count, forKey: .count)
        try c.encode(lastObservedTime, forKey: .lastObservedTime)
    }
}
