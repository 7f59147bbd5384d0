// Stage 2 · APIMachinery: one named API group and its versions (meta/v1 `APIGroup`).
//
// Inside an `APIGroupList` a group has no kind or apiVersion; served alone at
// `/apis/<group>` it has both (`APIGroup`, `v1`). `preferredVersion` is a struct and so
// always written. `GroupVersionForDiscovery` lives here: it exists only to be listed here.

import API

/// A group such as `apps` with the versions it is served at; part of `APIGroupList`,
/// read by kubectl's discovery.
public struct APIGroup: Sendable, Hashable {
    /// The API version: "" inside a list, `v1` when served alone.
    public var apiVersion: String
    /// The kind: "" inside a list, `APIGroup` when served alone.
    public var kind: String
    /// The group's name, such as `apps`.
    public var name: String
    /// The versions served.
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
}

extension APIGroup: APIFields {
    public static let zero = APIGroup()
    public static let fields: [JSONField<APIGroup>] = [
        .omitEmpty("apiVersion", \.apiVersion),
        .omitEmpty("kind", \.kind),
        .always("name", \.name),
        .always("versions", \.versions),
        .structure("preferredVersion", \.preferredVersion),
        .omitEmpty("serverAddressByClientCIDRs", \.serverAddressByClientCIDRs),
    ]
}

/// One version of a group, as `apps/v1` and `v1` (meta/v1 `GroupVersionForDiscovery`).
public struct GroupVersionForDiscovery: Sendable, Hashable {
    /// `group/version`, such as `apps/v1`.
    public var groupVersion: String
    /// The version alone, such as `v1`.
    public var version: String

    public init(groupVersion: String = "", version: String = "") {
        self.groupVersion = groupVersion
        self.version = version
    }
}

extension GroupVersionForDiscovery: APIFields {
    public static let zero = GroupVersionForDiscovery()
    public static let fields: [JSONField<GroupVersionForDiscovery>] = [
        .always("groupVersion", \.groupVersion),
        .always("version", \.version),
    ]
}
