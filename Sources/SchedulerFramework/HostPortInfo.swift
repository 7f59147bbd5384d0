// Stage 4 · SchedulerFramework: the host ports a node's pods hold, and whether a new one collides.
//
// A container with `hostPort: 8080` is reachable on its node's own address, so two
// pods on one node cannot both hold TCP 8080 on the same IP. An empty IP or `0.0.0.0`
// means every address of the node, which collides with any IP on the same port and
// protocol (Kubernetes' HostPortInfo.CheckConflict). A node holds a handful of these,
// so a list is quicker to search than nested maps.

import API

/// One host port a container asks for: address, protocol, number.
public struct HostPort: Sendable, Hashable {
    /// The wildcard address: every address of the node.
    public static let anyIP = "0.0.0.0"

    public var ip: String
    public var `protocol`: String
    public var port: Int32

    /// A port as the API writes it; an empty IP means all addresses, no protocol means TCP.
    public init(ip: String, protocol: String, port: Int32) {
        self.ip = ip.isEmpty ? HostPort.anyIP : ip
        self.protocol = `protocol`.isEmpty ? `Protocol`.tcp.rawValue : `protocol`
        self.port = port
    }

    /// The host ports a pod's containers (and sidecars) ask for: those with `hostPort` > 0.
    public static func of(_ pod: Pod) -> [HostPort] {
        var ports: [HostPort] = []
        let containers = pod.spec.containers + pod.spec.initContainers.filter { $0.restartPolicy == .always }
        for container in containers {
            for port in container.ports where port.hostPort > 0 {
                ports.append(HostPort(ip: port.hostIP, protocol: port.protocol?.rawValue ?? "", port: port.hostPort))
            }
        }
        return ports
    }

    /// Whether this port and `other` cannot both be held on one node.
    public func conflicts(with other: HostPort) -> Bool {
        guard port == other.port, self.protocol == other.protocol else { return false }
        return ip == other.ip || ip == HostPort.anyIP || other.ip == HostPort.anyIP
    }
}

/// The host ports in use on one node.
public struct HostPortInfo: Sendable, Hashable {
    public private(set) var ports: [HostPort] = []

    public init() {}

    public mutating func add(_ port: HostPort) { ports.append(port) }

    public mutating func remove(_ port: HostPort) {
        if let index = ports.firstIndex(of: port) { ports.remove(at: index) }
    }

    public func conflicts(with port: HostPort) -> Bool {
        ports.contains { $0.conflicts(with: port) }
    }

    public var isEmpty: Bool { ports.isEmpty }
}
