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
public struct ObjectMeta: Sendable, Hashable, Codable {
    /// The object's name, unique within its namespace and kind.
    public var name: String
    /// A prefix from which the API server makes a unique name when `name` is empty.
    public var generateName: String
    /// The namespace; empty means `default` for namespaced kinds.
    public var namespace: String
    /// A cluster-unique id, set by the API server on create.
    public var uid: String
    /// An opaque version of this object, changed on every write; used for watch and
    /// optimistic concurrency.
    public var resourceVersion: String
    /// Bumped on every change to the spec.
    public var generation: Int64
    /// When the object was created; `Time.zero` (null) until the server sets it.
    public var creationTimestamp: Time
    /// When a graceful deletion was requested, if one was.
    public var deletionTimestamp: Time?
    /// The grace period of a requested deletion.
    public var deletionGracePeriodSeconds: Int64?
    /// Key/value pairs that selectors match.
    public var labels: [String: String]
    /// Key/value pairs for tools, not for selecting.
    public var annotations: [String: String]
    /// The objects this one belongs to; the garbage collector deletes orphans.
    public var ownerReferences: [OwnerReference]
    /// Names of things that must happen before the object is really deleted.
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

    private enum CodingKeys: String, CodingKey {
        case name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp
        case deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(.name, or: "")
        generateName = try c.decode(.generateName, or: "")
        namespace = try c.decode(.namespace, or: "")
        uid = try c.decode(.uid, or: "")
        resourceVersion = try c.decode(.resourceVersion, or: "")
        generation = try c.decode(.generation, or: 0)
        creationTimestamp = try c.decode(.creationTimestamp, or: .zero)
        deletionTimestamp = try c.decodeIfPresent(.deletionTimestamp)
        deletionGracePeriodSeconds = try c.decodeIfPresent(.deletionGracePeriodSeconds)
        labels = try c.decode(.labels, or: [:])
        annotations = try c.decode(.annotations, or: [:])
        ownerReferences = try c.decode(.ownerReferences, or: [])
        finalizers = try c.decode(.finalizers, or: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(name, forKey: .name)
        try c.encodeUnlessEmpty(generateName, forKey: .generateName)
        try c.encodeUnlessEmpty(namespace, forKey: .namespace)
        try c.encodeUnlessEmpty(uid, forKey: .uid)
        try c.encodeUnlessEmpty(resourceVersion, forKey: .resourceVersion)
        try c.encodeUnlessEmpty(generation, forKey: .generation)
        // `metav1.Time` is a struct, so `omitempty` does not drop it: unset, it is `null`.
        try c.encode(creationTimestamp, forKey: .creationTimestamp)
        try c.encodeIfPresent(deletionTimestamp, forKey: .deletionTimestamp)
        try c.encodeIfPresent(deletionGracePeriodSeconds, forKey: .deletionGracePeriodSeconds)
        try c.encodeUnlessEmpty(labels, forKey: .labels)
        try c.encodeUnlessEmpty(annotations, forKey: .annotations)
        try c.encodeUnlessEmpty(ownerReferences, forKey: .ownerReferences)
        try c.encodeUnlessEmpty(finalizers, forKey: .finalizers)
    }
}
