// Stage 2 · ClusterKinds: the closed vocabularies that nodes and namespaces add.
//
// As in stage 1's `ClosedSets.swift`: each enum is a Go `type X string` with its
// constants, in Kubernetes' order; fields hold them as Optionals, nil standing for "".
// (`TaintEffect` is stage 1's, in `ClosedSets+Scheduling.swift`: pods' tolerations name it too.)

import API

/// A node's lifecycle phase (`status.phase`). Kubernetes no longer sets it; it is kept so
/// that older objects still decode.
public enum NodePhase: String, ClosedStringSet {
    case pending = "Pending"
    case running = "Running"
    case terminated = "Terminated"
}

/// How a node can be reached (`status.addresses[].type`); the kubelet reports its
/// addresses, and the API server uses InternalIP to reach the kubelet.
public enum NodeAddressType: String, ClosedStringSet {
    case hostname = "Hostname"
    case internalIP = "InternalIP"
    case externalIP = "ExternalIP"
    case internalDNS = "InternalDNS"
    case externalDNS = "ExternalDNS"
}

/// A namespace's phase (`status.phase`): objects may be created only in an Active one.
public enum NamespacePhase: String, ClosedStringSet {
    case active = "Active"
    case terminating = "Terminating"
}
