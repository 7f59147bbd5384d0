// Stage 2 · APIMachinery: one named API group and its versions (meta/v1 `APIGroup`).
//
// Inside an `APIGroupList` a group has no kind or apiVersion; served alone at
// `/apis/<group>` it has both (`APIGroup`, `v1`). `preferredVersion` is a struct and so
// always written. `GroupVersionForDiscovery` lives here: it exists only to be listed here.

/// A group such as `apps` with the versions it is served at; part of `APIGroupList`,
/// read by kubectl's discovery.
public struct APIGroup: Sendable, Hashable, Codable {
    /// The API version: "" inside a list, `v1` when served alone.
    public var apiVersion: String
    /// The kind: "" inside a list, `APIGroup` when served alone.
    public var kind: String
    /// The group's name, such as `apps`. Always written.
    public var name: String
    /// The versions served. Always written.
    public var versions: [GroupVersionForDiscovery]
    /// The version clients should use.
    public var preferredVersion: GroupVersionForDiscovery
    /// Which server address clients should use, by their CIDR.
    public var serverAddressByClientCIDRs: [ServerAddressByClientCIDR]

    /// Makes a group entry, as it appears inside an `APIGroupList`.
    public init(
        apiVersion: String = "", kind: String = "", name: String = "", versions: [GroupVersionForDiscovery] = [],
        preferredVersion: GroupVersionForDiscovery = GroupVersionForDiscovery(),
        serverAddressByClientCIDRs: [ServerAddressByClientCIDR] = []
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.versions = versions
        self.preferredVersion = preferredVersion
        self.serverAddressByClientCIDRs = serverAddressByClientCIDRs
    }

    private enum CodingKeys: String, CodingKey {
        case apiVersion, kind, name, versions, preferredVersion, serverAddressByClientCIDRs
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try c.decode(.apiVersion, or: "")
        kind = try c.decode(.kind, or: "")
        name = try c.decode(.name, or: "")
        versions = try c.decode(.versions, or: [])
        preferredVersion = try c.decode(.preferredVersion, or: GroupVersionForDiscovery())
        serverAddressByClientCIDRs = try c.decode(.serverAddressByClientCIDRs, or: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(apiVersion, forKey: .apiVersion)
        try c.encodeUnlessEmpty(kind, forKey: .kind)
        try c.encode(name, forKey: .name)
        try c.encode(versions, forKey: .versions)
        try c.encode(preferredVersion, forKey: .preferredVersion)
        try c.encodeUnlessEmpty(serverAddressByClientCIDRs, forKey: .serverAddressByClientCIDRs)
    }
}

/// One version of a group, as `apps/v1` and `v1` (meta/v1 `GroupVersionForDiscovery`).
public struct GroupVersionForDiscovery: Sendable, Hashable, Codable {
    /// `group/version`, such as `apps/v1`. Always written.
    public var groupVersion: String
    /// The version alone, such as `v1`. Always written.
    public var version: String

    /// Makes a group version.
    public init(groupVersion: String = "", version: String = "") {
        self.groupVersion = groupVersion
        self.version = version
    }

    private enum CodingKeys: String, CodingKey { case groupVersion, version }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        groupVersion = try c.decode(.groupVersion, or: "")
        version = try c.decode(.version, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(groupVersion, forKey: .groupVersion)
        try c.encode(version, forKey: .version)
    }
}
