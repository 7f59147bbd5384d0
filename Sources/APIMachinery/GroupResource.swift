// Stage 2 · APIMachinery: naming a resource or a kind together with its API group
// (apimachinery `schema.GroupResource` and `schema.GroupKind`).
//
// Error messages name what they are about in one of two ways, and Kubernetes is
// consistent about which: "not found", "already exists", "conflict" and "method not
// allowed" name the *resource* (`pods "web" not found`), while "invalid" names the
// *kind* (`Pod "web" is invalid`). A core-group name is the bare word; other groups
// are appended after a dot: `deployments.apps`, `Deployment.apps`.
// The two types live together because they differ only in which word they carry.

/// A resource (plural, lowercase) in an API group; passed by the API server to the
/// `Status` factories that name a resource.
public struct GroupResource: Sendable, Hashable, CustomStringConvertible {
    /// The API group; "" for the core group.
    public var group: String
    /// The resource, such as `pods`.
    public var resource: String

    /// Makes a group-qualified resource.
    public init(group: String = "", resource: String) {
        self.group = group
        self.resource = resource
    }

    /// Core pods.
    public static let pods = GroupResource(resource: "pods")
    /// Core nodes.
    public static let nodes = GroupResource(resource: "nodes")
    /// Core namespaces.
    public static let namespaces = GroupResource(resource: "namespaces")
    /// Core events.
    public static let events = GroupResource(resource: "events")

    /// `pods`, or `deployments.apps` outside the core group.
    public var description: String { group.isEmpty ? resource : "\(resource).\(group)" }
}

/// A kind (singular, CamelCase) in an API group; passed by the API server to
/// `Status.invalid`.
public struct GroupKind: Sendable, Hashable, CustomStringConvertible {
    /// The API group; "" for the core group.
    public var group: String
    /// The kind, such as `Pod`.
    public var kind: String

    /// Makes a group-qualified kind.
    public init(group: String = "", kind: String) {
        self.group = group
        self.kind = kind
    }

    /// `Pod`, or `Deployment.apps` outside the core group.
    public var description: String { group.isEmpty ? kind : "\(kind).\(group)" }
}
