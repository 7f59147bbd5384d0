// Stage 1 · API: the metadata every stored object carries (apimachinery `metav1.ObjectMeta`).
//
// Name and namespace say which object this is; `uid` tells apart two objects that had
// the same name at different times; `resourceVersion` and `generation` let clients and
// controllers notice change (stage 3 uses them for watch); labels select, annotations
// annotate; owner references and finalizers drive garbage collection (stage 5).
// Fields Kubernetes has but this model leaves out: selfLink (deprecated), managedFields
// (server-side apply).

/// Identity, labels and bookkeeping of an object; read by every component, and set by
/// the API server on create (uid, creationTimestamp, resourceVersion).
public struct ObjectMeta: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var name: String
    public var generateName: String
    public var namespace: String
    public var uid: String
    public var resourceVersion: String
    public var generation: Int64
    public var creationTimestamp: Time
    public var deletionTimestamp: Time?
    public var deletionGracePeriodSeconds: Int64?
    public var labels: [String: String]
    public var annotations: [String: String]
    public var ownerReferences: [OwnerReference]
    public var finalizers: [String]

    /// Makes metadata; every field defaults to Go's zero value.
    public init(
        name: String = "", generateName: String = "", namespace: String = "", uid: String = "",
        resourceVersion: String = "", generation: Int64 = 0, creationTimestamp: Time = .zero,
        deletionTimestamp: Time? = nil, deletionGracePeriodSeconds: Int64? = nil,
        labels: [String: String] = [:], annotations: [String: String] = [:],
        ownerReferences: [OwnerReference] = [], finalizers: [String] = []
    ) {
        self.name = name
        self.generateName = generateName
        self.namespace = namespace
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.generation = generation
        self.creationTimestamp = creationTimestamp
        self.deletionTimestamp = deletionTimestamp
        self.deletionGracePeriodSeconds = deletionGracePeriodSeconds
        self.labels = labels
        self.annotations = annotations
        self.ownerReferences = ownerReferences
        self.finalizers = finalizers
    }
}

extension ObjectMeta: APIFields {
    public static let typeDescription = "The identity and bookkeeping every stored object carries: name, namespace, labels, annotations, versions."
    public static let zero = ObjectMeta()
    public static let fields: [JSONField<ObjectMeta>] = [
        .omitEmpty("name", \.name, "The object's name, unique among objects of its kind in its namespace."),
        .omitEmpty("generateName", \.generateName, "A prefix from which the server makes a unique name when name is empty."),
        .omitEmpty("namespace", \.namespace, "The namespace the object lives in; default when unset."),
        .omitEmpty("uid", \.uid, "A cluster-unique id, set by the server when the object is created."),
        .omitEmpty("resourceVersion", \.resourceVersion, "An opaque version, changed on every write; used for watches and conflict checks."),
        .omitEmpty("generation", \.generation, "A number raised on every change of the desired state."),
        // `metav1.Time` is a struct, so `omitempty` does not drop it: unset, it is `null`.
        .structure("creationTimestamp", \.creationTimestamp, "When the server created the object."),
        .pointer("deletionTimestamp", \.deletionTimestamp, "When a graceful deletion was asked for; set by the server."),
        .pointer("deletionGracePeriodSeconds", \.deletionGracePeriodSeconds, "The grace period of the deletion asked for, in seconds."),
        .omitEmpty("labels", \.labels, "Key/value pairs that selectors match objects by."),
        .omitEmpty("annotations", \.annotations, "Key/value pairs for tools and people, not for selecting; 256 KiB in all."),
        .omitEmpty("ownerReferences", \.ownerReferences, "The objects this one belongs to; when they are gone it is garbage collected."),
        .omitEmpty("finalizers", \.finalizers, "Names of steps that must finish, and remove their entry, before the object is deleted."),
    ]
}
