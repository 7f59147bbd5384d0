// Stage 2 · APIServer: a node as one row of `kubectl get nodes`.
//
// A port of `printNode` from Kubernetes' `printers.go`. STATUS comes from the Ready
// condition alone: `Ready` when it is True, `NotReady` when it is False *or Unknown*
// (the node lifecycle controller sets Unknown when heartbeats stop), and `Unknown` only
// when the node has no Ready condition yet. A cordoned node adds `,SchedulingDisabled`.
// ROLES come from `node-role.kubernetes.io/<role>` labels (and the older
// `kubernetes.io/role=<role>`), sorted, or `<none>`.

import API
import APIMachinery
import ClusterKinds

/// The columns and cells of nodes in `kubectl get nodes`.
public enum NodePrinter {
    /// The label prefix that names a node's role: `node-role.kubernetes.io/control-plane`.
    public static let roleLabelPrefix = "node-role.kubernetes.io/"
    /// The older label whose value is the role.
    public static let legacyRoleLabel = "kubernetes.io/role"
    /// What an empty cell shows.
    static let none = "<none>"
    /// What an unreported version shows.
    static let unknown = "<unknown>"

    /// The columns, in order; `-o wide` also shows those with priority 1.
    public static let columns: [APIMachinery.TableColumnDefinition] = [
        .init(name: "Name", type: "string", format: "name", description: "Name must be unique within a namespace.", priority: 0),
        .init(name: "Status", type: "string", description: "The status of the node", priority: 0),
        .init(name: "Roles", type: "string", description: "The roles of the node", priority: 0),
        .init(name: "Age", type: "string", description: "CreationTimestamp is a timestamp representing the server time when this object was created.", priority: 0),
        .init(name: "Version", type: "string", description: "Kubelet Version reported by the node.", priority: 0),
        .init(name: "Internal-IP", type: "string", description: "List of addresses reachable to the node.", priority: 1),
        .init(name: "External-IP", type: "string", description: "List of addresses reachable to the node.", priority: 1),
        .init(name: "OS-Image", type: "string", description: "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", priority: 1),
        .init(name: "Kernel-Version", type: "string", description: "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", priority: 1),
        .init(name: "Container-Runtime", type: "string", description: "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).", priority: 1),
    ]

    /// The node's cells at time `now`: name, status, roles, age, version, then the wide ones.
    public static func cells(_ node: Node, now: Time) -> [String] {
        let info = node.status.nodeInfo
        return [
            node.metadata.name,
            status(of: node),
            roles(of: node).joined(separator: ","),
            PodPrinter.age(since: node.metadata.creationTimestamp, now: now),
            info.kubeletVersion,
            address(of: node, type: .internalIP),
            address(of: node, type: .externalIP),
            info.osImage.isEmpty ? unknown : info.osImage,
            info.kernelVersion.isEmpty ? unknown : info.kernelVersion,
            info.containerRuntimeVersion.isEmpty ? unknown : info.containerRuntimeVersion,
        ]
    }

    /// `Ready`, `NotReady` or `Unknown`, plus `SchedulingDisabled` when cordoned.
    public static func status(of node: Node) -> String {
        var parts: [String]
        // Kubernetes keeps the last condition of a type when a node lists it twice.
        if let ready = node.status.conditions.last(where: { $0.type == .ready }) {
            parts = [ready.status == .true ? "Ready" : "NotReady"]
        } else {
            parts = ["Unknown"]
        }
        if node.spec.unschedulable { parts.append("SchedulingDisabled") }
        return parts.joined(separator: ",")
    }

    /// The node's roles, sorted and without repeats; `["<none>"]` when it has none.
    public static func roles(of node: Node) -> [String] {
        var roles = Set<String>()
        for (key, value) in node.metadata.labels {
            if key.hasPrefix(roleLabelPrefix) {
                let role = String(key.dropFirst(roleLabelPrefix.count))
                if !role.isEmpty { roles.insert(role) }
            } else if key == legacyRoleLabel && !value.isEmpty {
                roles.insert(value)
            }
        }
        return roles.isEmpty ? [none] : roles.sorted()
    }

    /// The node's first address of `type`, or `<none>`.
    static func address(of node: Node, type: NodeAddressType) -> String {
        node.status.addresses.first { $0.type == type }?.address ?? none
    }
}
