// Stage 2 · APIServer: what is particular to each kind of object.
//
// The API server treats every resource the same way (store it as JSON under a key,
// number its versions, answer in Kubernetes' URL layout) except for a few decisions
// that belong to the kind: what to fill in on create, what an update may change, what
// makes an object valid, which fields a `fieldSelector` may name. Kubernetes calls
// that set of decisions a *strategy*; `RESTStorage` is generic over it.

import API
import APIMachinery
import ClusterKinds

/// An object the API server stores: it has a kind, an API version and metadata.
/// (The client has its own `APIObject`, which also knows its URL; the server needs less.)
public protocol StoredObject: Codable, Sendable, Equatable {
    var apiVersion: String { get set }
    var kind: String { get set }
    var metadata: ObjectMeta { get set }
}

extension Pod: StoredObject {}
extension Node: StoredObject {}
extension Namespace: StoredObject {}
extension Event: StoredObject {}

/// The decisions particular to one resource, used by its `RESTStorage`.
public protocol RESTStrategy: Sendable {
    /// The Swift type of the objects.
    associatedtype Object: StoredObject
    /// The resource: its names, scope and verbs.
    static var definition: ResourceDefinition { get }
    /// Fills in defaults and resets what a client may not set, on create.
    static func prepareForCreate(_ object: inout Object)
    /// Keeps what an update may not change (usually the status), on update.
    static func prepareForUpdate(_ object: inout Object, old: Object)
    /// Keeps what a status update may not change (the spec).
    static func prepareForStatusUpdate(_ object: inout Object, old: Object)
    /// Every problem with a new object.
    static func validate(_ object: Object) -> [FieldError]
    /// Every problem with an update.
    static func validateUpdate(_ object: Object, old: Object) -> [FieldError]
    /// The object's fields that `fieldSelector` may name, with their values.
    static func selectableFields(_ object: Object) -> [String: String]
    /// The names `fieldSelector` may use for this kind; others are refused, as in Kubernetes.
    static var selectableFieldNames: Set<String> { get }
    /// The object as one row of `kubectl get`: its cells.
    static func cells(_ object: Object, now: Time) -> [String]
    /// The columns of `kubectl get`.
    static var columns: [TableColumnDefinition] { get }
    /// The schema that strategic merge patches of this kind follow.
    static var patchSchema: PatchSchema { get }
    /// How long a deletion must wait (see `RESTStorage+Delete.swift`), or nil to delete at once.
    static func gracePeriod(for object: Object, options: DeleteOptions) -> Int64?
}

extension RESTStrategy {
    /// Most kinds keep nothing special from the old object on update.
    public static func prepareForUpdate(_ object: inout Object, old: Object) {
        object.metadata.keepSystemFields(from: old.metadata)
    }

    /// Most kinds have no status subresource worth guarding.
    public static func prepareForStatusUpdate(_ object: inout Object, old: Object) {
        object.metadata.keepSystemFields(from: old.metadata)
    }

    /// Metadata name rules: a DNS subdomain, as most kinds require.
    public static func validateMetadata(_ object: Object) -> [FieldError] {
        let name = object.metadata.name
        if name.isEmpty { return [FieldError(.required, "metadata.name", "name or generateName is required")] }
        return NameValidation.subdomain(name).map { FieldError(.invalid, "metadata.name", value: name, $0) }
    }

    /// By default, an update is checked like a create, and may not rename the object.
    public static func validateUpdate(_ object: Object, old: Object) -> [FieldError] {
        var errors = validate(object)
        if object.metadata.name != old.metadata.name {
            errors.append(FieldError(.invalid, "metadata.name", value: object.metadata.name, "field is immutable"))
        }
        return errors
    }

    /// Every kind can be selected by name and namespace.
    public static func metadataFields(_ object: Object) -> [String: String] {
        ["metadata.name": object.metadata.name, "metadata.namespace": object.metadata.namespace]
    }
}

/// Pods: `Pending` on create, spec mostly frozen on update; see `PodStrategy`.
public enum PodRESTStrategy: RESTStrategy {
    public static let definition = ResourceDefinition.pods
    public static func prepareForCreate(_ pod: inout Pod) { PodStrategy.prepareForCreate(&pod) }
    public static func prepareForUpdate(_ pod: inout Pod, old: Pod) { PodStrategy.prepareForUpdate(&pod, old: old) }
    public static func prepareForStatusUpdate(_ pod: inout Pod, old: Pod) { PodStrategy.prepareForStatusUpdate(&pod, old: old) }
    public static func validate(_ pod: Pod) -> [FieldError] { PodValidation.validate(pod) }
    public static func validateUpdate(_ pod: Pod, old: Pod) -> [FieldError] { PodStrategy.validateUpdate(pod, old: old) }
    public static func selectableFields(_ pod: Pod) -> [String: String] { pod.selectableFields }
    public static var selectableFieldNames: Set<String> { FieldSelector.podFieldNames }
    public static func cells(_ pod: Pod, now: Time) -> [String] { PodPrinter.cells(pod, now: now) }
    public static var columns: [TableColumnDefinition] { PodPrinter.columns }
    public static var patchSchema: PatchSchema { .pod }
}

/// Nodes: registered by kubelets; cluster-scoped.
public enum NodeRESTStrategy: RESTStrategy {
    public static let definition = ResourceDefinition.nodes
    public static func prepareForCreate(_ node: inout Node) {}
    public static func prepareForUpdate(_ node: inout Node, old: Node) {
        node.metadata.keepSystemFields(from: old.metadata)
        node.status = old.status
    }
    public static func prepareForStatusUpdate(_ node: inout Node, old: Node) {
        node.metadata.keepSystemFields(from: old.metadata)
        node.spec = old.spec
    }
    public static func validate(_ node: Node) -> [FieldError] { validateMetadata(node) }
    public static var selectableFieldNames: Set<String> { FieldSelector.nodeFieldNames }
    public static func selectableFields(_ node: Node) -> [String: String] {
        ["metadata.name": node.metadata.name, "spec.unschedulable": node.spec.unschedulable ? "true" : "false"]
    }
    public static func cells(_ node: Node, now: Time) -> [String] { NodePrinter.cells(node, now: now) }
    public static var columns: [TableColumnDefinition] { NodePrinter.columns }
    public static var patchSchema: PatchSchema { .node }
}

/// Namespaces: the folders names live in; `Active` on create.
public enum NamespaceRESTStrategy: RESTStrategy {
    public static let definition = ResourceDefinition.namespaces
    public static func prepareForCreate(_ namespace: inout Namespace) {
        namespace.status.phase = .active
        if !namespace.spec.finalizers.contains(NamespaceSpec.kubernetesFinalizer) {
            namespace.spec.finalizers.append(NamespaceSpec.kubernetesFinalizer)
        }
    }
    public static func validate(_ namespace: Namespace) -> [FieldError] {
        let name = namespace.metadata.name
        if name.isEmpty { return [FieldError(.required, "metadata.name", "name or generateName is required")] }
        return NameValidation.label(name).map { FieldError(.invalid, "metadata.name", value: name, $0) }
    }
    public static var selectableFieldNames: Set<String> { FieldSelector.namespaceFieldNames }
    public static func selectableFields(_ namespace: Namespace) -> [String: String] {
        ["metadata.name": namespace.metadata.name, "status.phase": namespace.status.phase?.rawValue ?? ""]
    }
    public static func cells(_ namespace: Namespace, now: Time) -> [String] { NamespacePrinter.cells(namespace, now: now) }
    public static var columns: [TableColumnDefinition] { NamespacePrinter.columns }
    public static var patchSchema: PatchSchema { .namespace }
}

/// Events: what components did; namespaced.
public enum EventRESTStrategy: RESTStrategy {
    public static let definition = ResourceDefinition.events
    public static func prepareForCreate(_ event: inout Event) {}
    public static func validate(_ event: Event) -> [FieldError] { validateMetadata(event) }
    public static var selectableFieldNames: Set<String> { FieldSelector.eventFieldNames }
    public static func selectableFields(_ event: Event) -> [String: String] {
        var fields = metadataFields(event)
        fields["involvedObject.kind"] = event.involvedObject.kind
        fields["involvedObject.namespace"] = event.involvedObject.namespace
        fields["involvedObject.name"] = event.involvedObject.name
        fields["involvedObject.uid"] = event.involvedObject.uid
        fields["involvedObject.apiVersion"] = event.involvedObject.apiVersion
        fields["involvedObject.resourceVersion"] = event.involvedObject.resourceVersion
        fields["involvedObject.fieldPath"] = event.involvedObject.fieldPath
        fields["reason"] = event.reason
        fields["reportingComponent"] = event.reportingComponent
        fields["source"] = event.source.component
        fields["type"] = event.type
        return fields
    }
    public static func cells(_ event: Event, now: Time) -> [String] { EventPrinter.cells(event, now: now) }
    public static var columns: [TableColumnDefinition] { EventPrinter.columns }
    public static var patchSchema: PatchSchema { .event }
}
