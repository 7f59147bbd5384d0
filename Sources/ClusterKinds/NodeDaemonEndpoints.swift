// Stage 2 · ClusterKinds: the ports a node's daemons listen on (core/v1 `NodeDaemonEndpoints`).
//
// Today only the kubelet's port is reported. One Kubernetes oddity is kept on purpose:
// the port's JSON name is `Port`, capitalised, because an early release forgot the
// quotes in the Go tag and encoding/json fell back to the field name; it was frozen
// for compatibility. So a node's JSON reads `"kubeletEndpoint": {"Port": 10250}`.
// The two types live together because `DaemonEndpoint` exists only to be held here.

import API

/// The daemon endpoints of a node; reported by the kubelet, used by the API server to
/// reach the kubelet's HTTP API.
public struct NodeDaemonEndpoints: Sendable, Hashable {
    /// Where the kubelet listens.
    public var kubeletEndpoint: DaemonEndpoint

    /// Makes the endpoints; the kubelet's port defaults to 0 (unknown).
    public init(kubeletEndpoint: DaemonEndpoint = DaemonEndpoint()) {
        self.kubeletEndpoint = kubeletEndpoint
    }
}

extension NodeDaemonEndpoints: APIFields {
    public static let zero = NodeDaemonEndpoints()
    public static let fields: [JSONField<NodeDaemonEndpoints>] = [
        .structure("kubeletEndpoint", \.kubeletEndpoint),
    ]
}

/// One daemon's port (core/v1 `DaemonEndpoint`); held by `NodeDaemonEndpoints`.
public struct DaemonEndpoint: Sendable, Hashable {
    /// The port number, under the JSON name `Port`.
    public var port: Int32

    public init(port: Int32 = 0) {
        self.port = port
    }
}

extension DaemonEndpoint: APIFields {
    public static let zero = DaemonEndpoint()
    public static let fields: [JSONField<DaemonEndpoint>] = [
        .always("Port", \.port),  // capitalised: see the header
    ]
}
