// Stage 2 · ClusterKinds: how often an event repeated (core/v1 `EventSeries`).
//
// The newer events API folds repeats into a series instead of bumping `count`.
// Kept so that events written by newer clients decode.

import API
import APIMachinery

/// The repeats of an event; written by recorders that use the events.k8s.io API.
public struct EventSeries: Sendable, Hashable {
    /// How many times the event has been seen in this series.
    public var count: Int32
    /// When the event was last seen.
    public var lastObservedTime: MicroTime

    public init(count: Int32 = 0, lastObservedTime: MicroTime = .zero) {
        self.count = count
        self.lastObservedTime = lastObservedTime
    }
}

extension EventSeries: APIFields {
    public static let zero = EventSeries()
    public static let fields: [JSONField<EventSeries>] = [
        .omitEmpty("count", \.count),
        .structure("lastObservedTime", \.lastObservedTime),
    ]
}
