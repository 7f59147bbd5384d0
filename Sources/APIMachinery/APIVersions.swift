// Stage 2 · APIMachinery: the versions of the core API (meta/v1 `APIVersions`).
//
// The first thing kubectl asks is `GET /api`, to learn that the core group is served
// at `v1`. The answer, as a real API server sends it, has a kind but no apiVersion:
//
//     {"kind": "APIVersions", "versions": ["v1"],
//      "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "10.0.0.1:6443"}]}
//
// `ServerAddressByClientCIDR` lives here; it tells clients in a CIDR which address to use.

/// The answer to `GET /api`; served by the API server, read by kubectl's discovery.
public struct APIVersions: Sendable, Hashable, Codable {
    /// The API version; "" (Kubernetes leaves it out here).
    public var apiVersion: String
    /// The kind; `APIVersions`.
    public var kind: String
    /// The versions of the core group, `["v1"]`. Always written.
    public var versions: [String]
    /// Which server address clients should use, by their CIDR. Always written.
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

    private enum CodingKeys: String, CodingKey { case apiVersion, kind, versions, serverAddressByClientCIDRs }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try c.decode(.apiVersion, or: "")
        kind = try c.decode(.kind, or: "")
        versions = try c.decode(.versions, or: [])
        serverAddressByClientCIDRs = try c.decode(.serverAddressByClientCIDRs, or: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(apiVersion, forKey: .apiVersion)
        try c.encodeUnlessEmpty(kind, forKey: .kind)
        try c.encode(versions, forKey: .versions)
        try c.encode(serverAddressByClientCIDRs, forKey: .serverAddressByClientCIDRs)
    }
}

/// The address clients in one CIDR should use to reach the API server (meta/v1
/// `ServerAddressByClientCIDR`); part of discovery answers.
public struct ServerAddressByClientCIDR: Sendable, Hashable, Codable {
    /// The CIDR that matches every client.
    public static let everyClient = "0.0.0.0/0"

    /// The clients this entry is for, such as `0.0.0.0/0`. Always written.
    public var clientCIDR: String
    /// The server's `host:port` for those clients. Always written.
    public var serverAddress: String

    /// Makes an entry; by default for every client.
    public init(clientCIDR: String = ServerAddressByClientCIDR.everyClient, serverAddress: String = "") {
        self.clientCIDR = clientCIDR
        self.serverAddress = serverAddress
    }

    private enum CodingKeys: String, CodingKey { case clientCIDR, serverAddress }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        clientCIDR = try c.decode(.clientCIDR, or: "")
        serverAddress = try c.decode(.serverAddress, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(clientCIDR, forKey: .clientCIDR)
        try c.encode(serverAddress, forKey: .serverAddress)
    }
}
