// Stage 2 · APIServer: what is particular to each kind of object.
//
// The API server treats every resource the same way (store it as JSON under a key,
// number its versions, answer in Kubernetes' URL layout) except for a few decisions
// that belong to the kind: what to fill in on create, what an update may change, what
// makes an object valid, which fields a `fieldSelector` may name, how `kubectl get`
// prints it, how its lists merge in a patch. Kubernetes calls that set of decisions a
// *strategy*; `RESTStorage` is generic over it. Every decision has a default, so a
// new kind's strategy says only where it differs (`EventStrategy` is a few lines).

import API
import APIMachinery
import ClusterKinds

/// The decisions particular to one kind, used by its `RESTStorage`; registered with
/// the API server by the composition root (`ResourceRegistration`).
public protocol RESTStrategy: Sendable {
    /// The kind, and through its `resource` the group, version, scope and names.
    associatedtype Object: APIObject
    /// What clients may do, as discovery lists it: get, list, watch, create…
    static var verbs: [String] { get }
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
    /// Old field names still accepted, and the names they stand for.
    static var fieldAliases: [String: String] { get }
    /// The columns of `kubectl get`.
    static var columns: [TableColumnDefinition] { get }
    /// The object as one row of `kubectl get`: one cell per column.
    static func cells(_ object: Object, now: Time) -> [String]
    /// The schema that strategic merge patches of this kind follow.
    static var patchSchema: PatchSchema { get }
    /// How long a deletion must wait (see `RESTStorage+Delete.swift`), or nil to delete at once.
    static func gracePeriod(for object: Object, options: DeleteOptions) -> Int64?
    /// What a delete leaves stored instead of removing the object, for kinds that wait for
    /// a cleanup first (a namespace, for its contents); nil to go on with the delete.
    static func markedForDeletion(_ object: Object, now: Time) -> Object?
}

extension RESTStrategy {
    /// The verbs every resource of stage 2 allows.
    public static var verbs: [String] { ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"] }

    /// Most kinds need nothing filled in.
    public static func prepareForCreate(_ object: inout Object) {}

    /// Most kinds keep nothing special from the old object on update.
    public static func prepareForUpdate(_ object: inout Object, old: Object) {
        object.metadata.keepSystemFields(from: old.metadata)
    }

    /// Most kinds have no status subresource worth guarding.
    public static func prepareForStatusUpdate(_ object: inout Object, old: Object) {
        object.metadata.keepSystemFields(from: old.metadata)
    }

    /// Metadata name rules: a DNS subdomain, as most kinds require.
    public static func validate(_ object: Object) -> [FieldError] {
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

    /// Every kind can be selected by name, and a namespaced one by namespace
    /// (Kubernetes' `DefaultSelectableFields`).
    public static func selectableFields(_ object: Object) -> [String: String] {
        var fields = ["metadata.name": object.metadata.name]
        if Object.resource.isNamespaced { fields["metadata.namespace"] = object.metadata.namespace }
        return fields
    }

    public static var selectableFieldNames: Set<String> {
        Object.resource.isNamespaced ? ["metadata.name", "metadata.namespace"] : ["metadata.name"]
    }

    public static var fieldAliases: [String: String] { [:] }

    /// Kubernetes' default table (`DefaultTableConvertor`): the name and the creation time.
    public static var columns: [TableColumnDefinition] {
        [
            .init(name: "Name", type: "string", format: "name", description: "Name must be unique within a namespace.", priority: 0),
            .init(name: "Created At", type: "date", description: "CreationTimestamp is a timestamp representing the server time when this object was created.", priority: 0),
        ]
    }

    public static func cells(_ object: Object, now: Time) -> [String] {
        [object.metadata.name, object.metadata.creationTimestamp.rfc3339]
    }

    public static var patchSchema: PatchSchema { .metadataOnly }

    /// Most kinds are removed at once.
    public static func gracePeriod(for object: Object, options: DeleteOptions) -> Int64? { nil }

    /// Most kinds wait for no cleanup.
    public static func markedForDeletion(_ object: Object, now: Time) -> Object? { nil }
}
