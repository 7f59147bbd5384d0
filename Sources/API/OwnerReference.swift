// Stage 1 · API: a link from an object to the object that owns it (`metav1.OwnerReference`).
//
// A ReplicaSet owns its pods; a Deployment owns its ReplicaSets. The garbage collector
// (stage 5) deletes objects whose owner is gone; controllers find "their" objects by
// the reference with `controller: true`. The kubelet's mirror pods point at their node.

/// Names the owner of an object; written by controllers, read by the garbage collector.
public struct OwnerReference: Sendable, Hashable {
    /// The owner's API version, such as `apps/v1`.
    public var apiVersion: String
    /// The owner's kind, such as `ReplicaSet`.
    public var kind: String
    public var name: String
    /// The owner's uid: a reference to an earlier object of the same name is stale.
    public var uid: String
    /// True for the one owner that manages this object.
    public var controller: Bool?
    /// True when the owner may not be deleted before this object (foreground deletion).
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
        .always("apiVersion", \.apiVersion),
        .always("kind", \.kind),
        .always("name", \.name),
        .always("uid", \.uid),
        .pointer("controller", \.controller),
        .pointer("blockOwnerDeletion", \.blockOwnerDeletion),
    ]
}
