// Stage 2 · APIServer: events, stored as they are sent.
//
// Events need no preparing and only the default name check; what they add is the
// fields `kubectl get events --field-selector involvedObject.name=web` and `kubectl
// describe` select on (Kubernetes' `EventToSelectableFields`). `source` is the
// reporting component, or the reporting controller when an events/v1 client left the
// component empty.

import API
import APIMachinery
import ClusterKinds

/// Kubernetes' event strategy (`pkg/registry/core/event/strategy.go`), in part.
public enum EventStrategy: RESTStrategy {
    /// Exactly the fields `selectableFields` gives values for.
    public static var selectableFieldNames: Set<String> { Set(selectableFields(Event()).keys) }
    public static func selectableFields(_ event: Event) -> [String: String] {
        let involved = event.involvedObject
        return [
            "metadata.name": event.metadata.name, "metadata.namespace": event.metadata.namespace,
            "involvedObject.kind": involved.kind, "involvedObject.namespace": involved.namespace,
            "involvedObject.name": involved.name, "involvedObject.uid": involved.uid,
            "involvedObject.apiVersion": involved.apiVersion, "involvedObject.resourceVersion": involved.resourceVersion,
            "involvedObject.fieldPath": involved.fieldPath,
            "reason": event.reason, "reportingComponent": event.reportingComponent,
            "source": event.source.component.isEmpty ? event.reportingComponent : event.source.component,
            "type": event.type,
        ]
    }

    public static var columns: [TableColumnDefinition] { EventPrinter.columns }
    public static func cells(_ event: Event, now: Time) -> [String] { EventPrinter.cells(event, now: now) }
    public static var patchSchema: PatchSchema { .event }
}
