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
public struct Event: Sendable, Hashable, Codable {
    /// The type of an ordinary event.
    public static let normal = "Normal"
    /// The type of an event that reports a problem.
    public static let warning = "Warning"

    /// The API version; `v1`.
    public var apiVersion: String
    /// The kind; `Event`.
    public var kind: String
    /// The event's own name (conventionally `<object>.<unique suffix>`) and namespace.
    public var metadata: ObjectMeta
    /// The object the event is about. Always written.
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
    /// The component that reported the event, such as `kubelet` (newer field). Always written.
    public var reportingComponent: String
    /// The reporting component's instance, such as the node name. Always written.
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

    private enum CodingKeys: String, CodingKey {
        case apiVersion, kind, metadata, involvedObject, reason, message, source, firstTimestamp, lastTimestamp
        case count, type, eventTime, series, action, related, reportingComponent, reportingInstance
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try c.decode(.apiVersion, or: "")
        kind = try c.decode(.kind, or: "")
        metadata = try c.decode(.metadata, or: ObjectMeta())
        involvedObject = try c.decode(.involvedObject, or: ObjectReference())
        reason = try c.decode(.reason, or: "")
        message = try c.decode(.message, or: "")
        source = try c.decode(.source, or: EventSource())
        firstTimestamp = try c.decode(.firstTimestamp, or: .zero)
        lastTimestamp = try c.decode(.lastTimestamp, or: .zero)
        count = try c.decode(.count, or: 0)
        type = try c.decode(.type, or: "")
        eventTime = try c.decode(.eventTime, or: .zero)
        series = try c.decodeIfPresent(.series)
        action = try c.decode(.action, or: "")
        related = try c.decodeIfPresent(.related)
        reportingComponent = try c.decode(.reportingComponent, or: "")
        reportingInstance = try c.decode(.reportingInstance, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(apiVersion, forKey: .apiVersion)
        try c.encodeUnlessEmpty(kind, forKey: .kind)
        try c.encode(metadata, forKey: .metadata)
        try c.encode(involvedObject, forKey: .involvedObject)
        try c.encodeUnlessEmpty(reason, forKey: .reason)
        try c.encodeUnlessEmpty(message, forKey: .message)
        // Structs, including the three timestamps: always written (`null` when unset).
        try c.encode(source, forKey: .source)
        try c.encode(firstTimestamp, forKey: .firstTimestamp)
        try c.encode(lastTimestamp, forKey: .lastTimestamp)
        try c.encodeUnlessEmpty(count, forKey: .count)
        try c.encodeUnlessEmpty(type, forKey: .type)
        try c.encode(eventTime, forKey: .eventTime)
        try c.encodeIfPresent(series, forKey: .series)
        try c.encodeUnlessEmpty(action, forKey: .action)
        try c.encodeIfPresent(related, forKey: .related)
        // No omitempty in Kubernetes' tags for these two.
        try c.encode(reportingComponent, forKey: .reportingComponent)
        try c.encode(reportingInstance, forKey: .reportingInstance)
    }
}
