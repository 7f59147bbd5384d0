// Stage 1 · API: a link from an object to the object that owns it (`metav1.OwnerReference`).
//
// A ReplicaSet owns its pods; a Deployment owns its ReplicaSets. The garbage collector
// (stage 5) deletes objects whose owner is gone; controllers find "their" objects by
// the reference with `controller: true`. The kubelet's mirror pods point at their node.

/// Names the owner of an object; written by controllers, read by the garbage collector.
public struct OwnerReference: Sendable, Hashable, Codable {
    /// The owner's API version, such as `apps/v1`.
    public var apiVersion: String
    /// The owner's kind, such as `ReplicaSet`.
    public var kind: String
    /// The owner's name.
    public var name: String
    /// The owner's uid: a reference to an earlier object of the same name is stale.
    public var uid: String
    /// True for the one owner that manages this object.
    public var controller: Bool?
    /// True when the owner may not be deleted before this object (foreground deletion).
    public var blockOwnerDeletion: Bool?

    /// Makes an owner reference.
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

    private enum CodingKeys: String, CodingKey {
        case apiVersion, kind, name, uid, controller, blockOwnerDeletion
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try c.decode(.apiVersion, or: "")
        kind = try c.decode(.kind, or: "")
        name = try c.decode(.name, or: "")
        uid = try c.decode(.uid, or: "")
        controller = try c.decodeIfPresent(.controller)
        blockOwnerDeletion = try c.decodeIfPresent(.blockOwnerDeletion)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        // None of the four identifying fields has omitempty in Go.
        try c.encode(apiVersion, forKey: .apiVersion)
        try c.encode(kind, forKey: .kind)
        try c.encode(name, forKey: .name)
        try c.encode(uid, forKey: .uid)
        try c.encodeIfPresent(controller, forKey: .controller)
        try c.encodeIfPresent(blockOwnerDeletion, forKey: .blockOwnerDeletion)
    }
}
