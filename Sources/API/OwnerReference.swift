// Stage 1 · API: a link from an object to the object that owns it (`metav1.OwnerReference`).
//
// A ReplicaSet owns its pods; a Deployment owns its ReplicaSets. The garbage collector
// (stage 5) deletes objects whose owner is gone; controllers find "their" objects by
// the reference with `controller: true`. The kubelet's mirror pods point at their node.

/// Names the owner of an object; written by controllers, read by the garbage collector.
public struct OwnerReference: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var uid: String
    public var controller: Bool?
    public var blockOwnerDeletion: Bool?

    public init(
        apiVersion: String = "", kind: String = "", name: String = "", uid: String = "",
        controller: Bool? = nil, blockOwnerDeletion: Bool? = nil
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
        self.blockOwnerDeletion = blockOwnerDeletion
    }
}

extension OwnerReference: APIFields {
    public static let zero = OwnerReference()
    public static let fields: [JSONField<OwnerReference>] = [
        .always("apiVersion", \.apiVersion, "The owner's API version, such as apps/v1."),
        .always("kind", \.kind, "The owner's kind, such as ReplicaSet."),
        .always("name", \.name, "The owner's name, in the same namespace."),
        .always("uid", \.uid, "The owner's uid: a reference to an earlier object of the same name is stale."),
        .pointer("controller", \.controller, "True for the one owner that manages this object."),
        .pointer("blockOwnerDeletion", \.blockOwnerDeletion, "True when the owner may not be deleted before this object (foreground deletion)."),
    ]
}
