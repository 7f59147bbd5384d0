// Stage 2 · ClusterKinds: the ports a node's daemons listen on (core/v1 `NodeDaemonEndpoints`).
//
// Today only the kubelet's port is reported. One Kubernetes oddity is kept on purpose:
// the port's JSON name is `Port`, capitalised, because an early release forgot the
// quotes in the Go tag and encoding/json fell back to the field name; it was frozen
// for compatibility. So a node's JSON reads `"kubeletEndpoint": {"Port": 10250}`.
// The two types live together because `DaemonEndpoint` exists only to be held here.

/// The daemon endpoints of a node; reported by the kubelet, used by the API server to
/// reach the kubelet's HTTP API.
public struct NodeDaemonEndpoints: Sendable, Hashable, Codable {
    /// Where the kubelet listens.
    public var kubeletEndpoint: DaemonEndpoint

    /// Makes the endpoints; the kubelet's port defaults to 0 (unknown).
    public init(kubeletEndpoint: DaemonEndpoint = DaemonEndpoint()) {
        self.kubeletEndpoint = kubeletEndpoint
    }

    private enum CodingKeys: String, CodingKey { case kubeletEndpoint }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kubeletEndpoint = try c.decode(.kubeletEndpoint, or: DaemonEndpoint())
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        // A struct: always written, even as `{"Port": 0}`.
        try c.encode(kubeletEndpoint, forKey: .kubeletEndpoint)
    }
}

/// One daemon's port (core/v1 `DaemonEndpoint`); held by `NodeDaemonEndpoints`.
public struct DaemonEndpoint: Sendable, Hashable, Codable {
    /// The port number. Always written, under the JSON name `Port`.
    public var port: Int32

    /// Makes an endpoint.
    public init(port: Int32 = 0) {
        self.port = port
    }

    private enum CodingKeys: String, CodingKey { case port = "Port" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        port = try c.decode(.port, or: 0)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(port, forKey: .port)
    }
}
