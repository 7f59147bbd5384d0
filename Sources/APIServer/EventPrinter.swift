// Stage 2 · APIServer: an event as one row of `kubectl get events`.
//
// A port of `printEvent` from Kubernetes' `printers.go`. Events carry two generations
// of timestamps, and the row reads whichever is set: FIRST SEEN is `firstTimestamp`, or
// `eventTime` for events from the newer API; LAST SEEN is `lastTimestamp`, else FIRST
// SEEN, but the series' last observation when there is a series. COUNT is the series'
// count, else `count`, and 1 for a singleton event whose count was never set. OBJECT is
// `kind/name` with the kind in lower case (`pod/web`). Kubernetes writes COUNT as an
// integer cell under a column declared "string"; here every cell is a string, which
// kubectl prints the same way.

import API
import APIMachinery
import ClusterKinds
import Foundation

/// The columns and cells of events in `kubectl get events`.
public enum EventPrinter {
    /// The columns, in order; `-o wide` also shows those with priority 1.
    public static let columns: [APIMachinery.TableColumnDefinition] = [
        .init(name: "Last Seen", type: "string", description: "The time at which the most recent occurrence of this event was recorded.", priority: 0),
        .init(name: "Type", type: "string", description: "Type of this event (Normal, Warning), new types could be added in the future", priority: 0),
        .init(name: "Reason", type: "string", description: "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.", priority: 0),
        .init(name: "Object", type: "string", description: "The object that this event is about.", priority: 0),
        .init(name: "Subobject", type: "string", description: "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].", priority: 1),
        .init(name: "Source", type: "string", description: "The component reporting this event. Should be a short machine understandable string.", priority: 1),
        .init(name: "Message", type: "string", description: "A human-readable description of the status of this operation.", priority: 0),
        .init(name: "First Seen", type: "string", description: "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)", priority: 1),
        .init(name: "Count", type: "string", description: "The number of times this event has occurred.", priority: 1),
        .init(name: "Name", type: "string", format: "name", description: "Name must be unique within a namespace.", priority: 1),
    ]

    /// The event's cells at time `now`: last seen, type, reason, object, subobject,
    /// source, message, first seen, count, name.
    public static func cells(_ event: Event, now: Time) -> [String] {
        let firstSeen = event.firstTimestamp.isZero
            ? PodPrinter.age(since: event.eventTime.time, now: now)
            : PodPrinter.age(since: event.firstTimestamp, now: now)
        var lastSeen = event.lastTimestamp.isZero ? firstSeen : PodPrinter.age(since: event.lastTimestamp, now: now)
        var count = event.count
        if let series = event.series {
            lastSeen = PodPrinter.age(since: series.lastObservedTime.time, now: now)
            count = series.count
        } else if count == 0 {
            count = 1  // The newer events API leaves a one-off event's count unset.
        }
        let involved = event.involvedObject
        let object = involved.name.isEmpty ? involved.kind.lowercased() : "\(involved.kind.lowercased())/\(involved.name)"
        return [
            lastSeen,
            event.type,
            event.reason,
            object,
            involved.fieldPath,
            source(of: event),
            event.message.trimmingCharacters(in: .whitespacesAndNewlines),
            firstSeen,
            "\(count)",
            event.metadata.name,
        ]
    }

    /// `kubelet, node-1`: the reporting component and host, from the older `source`
    /// fields or else the newer `reporting…` ones; the host is left out when unknown.
    public static func source(of event: Event) -> String {
        let component = event.source.component.isEmpty ? event.reportingComponent : event.source.component
        let host = event.source.host.isEmpty ? event.reportingInstance : event.source.host
        return host.isEmpty ? component : "\(component), \(host)"
    }
}
