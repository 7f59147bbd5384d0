// Stage 2 · APIMachinery: which fields each kind lets a field selector see, and their values.
//
// Kubernetes decides this per kind in two places that must agree: the field label
// conversion functions (which names a request may use; pkg/apis/core/v1/conversion.go)
// and the registry's ToSelectableFields (the values an object has for them). The sets
// here are the former; the functions the latter. Pods are in FieldSelector+Pod.swift.
// Events are read from JSON, since the Event type arrives with another part of stage 2.

extension FieldSelector {
    /// The fields a pod list may be filtered by.
    public static let podFieldNames: Set<String> = [
        "metadata.name", "metadata.namespace", "spec.nodeName", "spec.restartPolicy",
        "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork",
        "status.phase", "status.podIP", "status.nominatedNodeName",
    ]

    /// Old names pods still accept: clients of the first v1 releases sent `spec.host`.
    public static let podFieldAliases: [String: String] = ["spec.host": "spec.nodeName"]

    /// The fields an event list may be filtered by (`kubectl get events` uses
    /// `involvedObject.*`).
    public static let eventFieldNames: Set<String> = [
        "metadata.name", "metadata.namespace",
        "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
        "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
        "reason", "reportingComponent", "source", "type",
    ]

    /// The fields a node list may be filtered by.
    public static let nodeFieldNames: Set<String> = ["metadata.name", "spec.unschedulable"]

    /// The fields a namespace list may be filtered by.
    public static let namespaceFieldNames: Set<String> = ["metadata.name", "status.phase"]

    /// An event's selectable fields, read from its JSON (Kubernetes'
    /// EventToSelectableFields). `source` is `source.component`, or the reporting
    /// controller when an events/v1 client left the component empty.
    public static func eventFields(from json: JSONValue) -> [String: String] {
        let involved = ["kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"]
        var fields = metadataFields(from: json, namespaced: true)
        for name in involved {
            fields["involvedObject.\(name)"] = string(json, "involvedObject", name)
        }
        let reportingController = string(json, "reportingComponent")
        let component = string(json, "source", "component")
        fields["reason"] = string(json, "reason")
        fields["reportingComponent"] = reportingController
        fields["source"] = component.isEmpty ? reportingController : component
        fields["type"] = string(json, "type")
        return fields
    }

    /// A node's selectable fields, read from its JSON; `spec.unschedulable` is
    /// `"true"` or `"false"`.
    public static func nodeFields(from json: JSONValue) -> [String: String] {
        var fields = metadataFields(from: json, namespaced: false)
        fields["spec.unschedulable"] = value(json, "spec", "unschedulable") == .bool(true) ? "true" : "false"
        return fields
    }

    /// A namespace's selectable fields, read from its JSON.
    public static func namespaceFields(from json: JSONValue) -> [String: String] {
        var fields = metadataFields(from: json, namespaced: false)
        fields["status.phase"] = string(json, "status", "phase")
        return fields
    }

    /// `metadata.name`, and `metadata.namespace` for namespaced kinds (Kubernetes'
    /// DefaultSelectableFields).
    static func metadataFields(from json: JSONValue, namespaced: Bool) -> [String: String] {
        var fields = ["metadata.name": string(json, "metadata", "name")]
        if namespaced { fields["metadata.namespace"] = string(json, "metadata", "namespace") }
        return fields
    }

    /// The value at a path of object keys, if there is one.
    static func value(_ json: JSONValue, _ path: String...) -> JSONValue? {
        var current: JSONValue? = json
        for key in path { current = current?.objectMembers?[key] }
        return current
    }

    /// The string at a path of object keys; "" when absent or not a string, as Go's
    /// zero value.
    static func string(_ json: JSONValue, _ path: String...) -> String {
        var current: JSONValue? = json
        for key in path { current = current?.objectMembers?[key] }
        return current?.stringValue ?? ""
    }
}
