// Stage 2 · APIMachinery: the versions of the core API (meta/v1 `APIVersions`).
//
// The first thing kubectl asks is `GET /api`, to learn that the core group is served
// at `v1`. The answer, as a real API server sends it, has a kind but no apiVersion:
//
//     {"kind": "APIVersions", "versions": ["v1"],
//      "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "10.0.0.1:6443"}]}
//
// `ServerAddressByClientCIDR` lives here; it tells clients in a CIDR which address to use.

import API

/// The answer to `GET /api`; served by the API server, read by kubectl's discovery.
public struct APIVersions: Sendable, Hashable {
    /// The API version; "" (Kubernetes leaves it out here).
    public var apiVersion: String
    public var kind: String
    /// The versions of the core group, `["v1"]`.
    public var versions: [String]
    /// Which server address clients should use, by their CIDR.
    public var serverAddressByClientCIDRs: [ServerAddressByClientCIDR]

    /// Makes the core API's versions; `kind` defaults to `APIVersions`, `versions` to `["v1"]`.
    public init(
        apiVersion: String = "", kind: String = "APIVersions", versions: [String] = ["v1"],
        serverAddressByClientCIDRs: [ServerAddressByClientCIDR] = []
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.versions = versions
        self.serverAddressByClientCIDRs = serverAddressByClientCIDRs
    }
}

extension APIVersions: APIFields {
    public static let zero = APIVersions(kind: "", versions: [])
    public static let fields: [JSONField<APIVersions>] = [
        .omitEmpty("apiVersion", \.apiVersion),
        .omitEmpty("kind", \.kind),
        .always("versions", \.versions),
        .always("serverAddressByClientCIDRs", \.serverAddressByClientCIDRs),
    ]
}

/// The address clients in one CIDR should use to reach the API server (meta/v1
/// `ServerAddressByClientCIDR`); part of discovery answers.
public struct ServerAddressByClientCIDR: Sendable, Hashable {
    /// The CIDR that matches every client.
    public static let everyClient = "0.0.0.0/0"

    /// The clients this entry is for, such as `0.0.0.0/0`.
    public var clientCIDR: String
    /// The server's `host:port` for those clients.
    public var serverAddress: String

    /// Makes an entry; by default for every client.
    public init(clientCIDR: String = ServerAddressByClientCIDR.everyClient, serverAddress: String = "") {
        self.clientCIDR = clientCIDR
        self.serverAddress = serverAddress
    }
}

extension ServerAddressByClientCIDR: APIFields {
    public static let zero = ServerAddressByClientCIDR(clientCIDR: "")
    public static let fields: [JSONField<ServerAddressByClientCIDR>] = [
        .always("clientCIDR", \.clientCIDR),
        .always("serverAddress", \.serverAddress),
    ]
}
