// Stage 2 · API: the closed vocabularies that nodes, namespaces and requests add.
//
// As in stage 1's `ClosedSets.swift`: each enum is a Go `type X string` with its
// constants, in Kubernetes' order; fields hold them as Optionals, nil standing for "".

/// What a taint does to pods that do not tolerate it (`spec.taints[].effect`); read by
/// the scheduler (stage 4) and the node lifecycle controller (stage 5).
public enum TaintEffect: String, ClosedStringSet {
    case noSchedule = "NoSchedule"
    case preferNoSchedule = "PreferNoSchedule"
    case noExecute = "NoExecute"
}

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

/// What deleting an object does to the objects it owns (`propagationPolicy`); read by
/// the API server on DELETE and by the garbage collector (stage 5).
public enum DeletionPropagation: String, ClosedStringSet {
    case orphan = "Orphan"
    case background = "Background"
    case foreground = "Foreground"
}

/// How much of each object a `Table` row carries (`?includeObject=`); kubectl asks for
/// `Object` when it sorts (`--sort-by`), and sends nothing otherwise, which means Metadata.
public enum IncludeObjectPolicy: String, ClosedStringSet {
    case none = "None"
    case metadata = "Metadata"
    case object = "Object"
}

/// Whether the operation a `Status` reports succeeded (`status`).
public enum StatusResult: String, ClosedStringSet {
    case success = "Success"
    case failure = "Failure"
}
