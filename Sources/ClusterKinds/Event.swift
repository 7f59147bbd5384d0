// Stage 2 · ClusterKinds: a report that something happened to an object (core/v1 `Event`).
//
// Components record what they do as events: the kubelet "Pulled" an image, "Started" a
// container, saw one fail ("BackOff"); the scheduler "Scheduled" a pod. `kubectl get
// events` lists them and `kubectl describe pod` shows the ones about that pod. Repeats
// of the same event are folded into one object whose `count` and `lastTimestamp` grow.
//
// This is the core/v1 shape kubectl reads. It carries two generations of fields: the
// original `source`, `firstTimestamp`, `lastTimestamp`, `count`, and the newer
// `eventTime` (a `MicroTime`), `series`, `reportingComponent`, `reportingInstance`,
// `action`, `related`. Note which are always written: the struct-typed ones (`source`,
// the three timestamps, as `null` when unset) and the two `reporting…` strings, whose
// Go tags lack `omitempty`, so kubectl shows `"reportingComponent": ""`.

import API
import APIMachinery

/// One event about one object; recorded by the kubelet and the scheduler, listed by
/// `kubectl get events` and `kubectl describe`.
public struct Event: Sendable, Hashable {
    /// The type of an ordinary event.
    public static let normal = "Normal"
    /// The type of an event that reports a problem.
    public static let warning = "Warning"

    public var apiVersion: String
    public var kind: String
    /// The event's own name (conventionally `<object>.<unique suffix>`) and namespace.
    public var metadata: ObjectMeta
    /// The object the event is about.
    public var involvedObject: ObjectReference
    /// A short CamelCase reason, such as `Started`.
    public var reason: String
    /// A human-readable description.
    public var message: String
    /// Who reported it (older field): component and host.
    public var source: EventSource
    /// When the event was first seen.
    public var firstTimestamp: Time
    /// When the event was most recently seen.
    public var lastTimestamp: Time
    /// How many times it was seen.
    public var count: Int32
    /// `Normal` or `Warning`.
    public var type: String
    /// When the event was first observed, to the microsecond (newer field).
    public var eventTime: MicroTime
    /// Repeats of this event, in the newer events API's bookkeeping.
    public var series: EventSeries?
    /// What was done, or failed, such as `Binding` (newer field).
    public var action: String
    /// A second object involved, if any.
    public var related: ObjectReference?
    /// The component that reported the event, such as `kubelet` (newer field).
    public var reportingComponent: String
    /// The reporting component's instance, such as the node name.
    public var reportingInstance: String

    /// Makes an event; `apiVersion` and `kind` default to `v1` and `Event`.
    public init(
        apiVersion: String = "v1", kind: String = "Event", metadata: ObjectMeta = ObjectMeta(),
        involvedObject: ObjectReference = ObjectReference(), reason: String = "", message: String = "",
        source: EventSource = EventSource(), firstTimestamp: Time = .zero, lastTimestamp: Time = .zero,
        count: Int32 = 0, type: String = "", eventTime: MicroTime = .zero, series: EventSeries? = nil,
        action: String = "", related: ObjectReference? = nil, reportingComponent: String = "",
        reportingInstance: String = ""
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.involvedObject = involvedObject
        self.reason = reason
        self.message = message
        self.source = source
        self.firstTimestamp = firstTimestamp
        self.lastTimestamp = lastTimestamp
        self.count = count
        self.type = type
        self.eventTime = eventTime
        self.series = series
        self.action = action
        self.related = related
        self.reportingComponent = reportingComponent
        self.reportingInstance = reportingInstance
    }
}

extension Event: APIFields {
    public static let zero = Event(apiVersion: "", kind: "")
    public static let fields: [JSONField<Event>] = [
        .omitEmpty("apiVersion", \.apiVersion),
        .omitEmpty("kind", \.kind),
        .structure("metadata", \.metadata),
        .structure("involvedObject", \.involvedObject),
        .omitEmpty("reason", \.reason),
        .omitEmpty("message", \.message),
        .structure("source", \.source),
        .structure("firstTimestamp", \.firstTimestamp),
        .structure("lastTimestamp", \.lastTimestamp),
        .omitEmpty("count", \.count),
        .omitEmpty("type", \.type),
        .structure("eventTime", \.eventTime),
        .pointer("series", \.series),
        .omitEmpty("action", \.action),
        .pointer("related", \.related),
        .always("reportingComponent", \.reportingComponent),
        .always("reportingInstance", \.reportingInstance),
    ]
}
