// Stage 2 · ClusterKinds: a pointer to another object (core/v1 `ObjectReference`).
//
// An event says which object it is about with one of these (`involvedObject`); a
// binding (stage 4) names its target node with one. `fieldPath` points into the object,
// as in `spec.containers{web}` for an event about one container. Every field is
// `omitempty`.

import API

/// Identifies an object by kind, namespace, name and uid; written by event recorders,
/// read by `kubectl describe` to find an object's events.
public struct ObjectReference: Sendable, Hashable {
    /// The referent's kind, such as `Pod`.
    public var kind: String
    /// The referent's namespace; empty for cluster-scoped objects.
    public var namespace: String
    public var name: String
    /// The referent's uid, which tells it apart from an earlier object of the same name.
    public var uid: String
    /// The referent's API version, such as `v1`.
    public var apiVersion: String
    /// The referent's resourceVersion when the reference was made, if it matters.
    public var resourceVersion: String
    /// A part of the referent, such as `spec.containers{web}`.
    public var fieldPath: String

    /// Makes a reference; every field defaults to "".
    public init(
        kind: String = "", namespace: String = "", name: String = "", uid: String = "", apiVersion: String = "",
        resourceVersion: String = "", fieldPath: String = ""
    ) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.apiVersion = apiVersion
        self.resourceVersion = resourceVersion
        self.fieldPath = fieldPath
    }
}

extension ObjectReference: APIFields {
    public static let zero = ObjectReference()
    public static let fields: [JSONField<ObjectReference>] = [
        .omitEmpty("kind", \.kind),
        .omitEmpty("namespace", \.namespace),
        .omitEmpty("name", \.name),
        .omitEmpty("uid", \.uid),
        .omitEmpty("apiVersion", \.apiVersion),
        .omitEmpty("resourceVersion", \.resourceVersion),
        .omitEmpty("fieldPath", \.fieldPath),
    ]
}
