// Stage 1 · API: the closed vocabularies of where a pod may run and with what privileges.
//
// As in `ClosedSets.swift`: each enum is a Go `type X string` with its constants, in
// Kubernetes' order (the order of "supported values" messages); fields hold them as
// Optionals, nil standing for Go's "". These are the words of tolerations, affinity,
// topology spread and security contexts: the scheduler (stage 4) reads the first three,
// the container runtime the last.

/// What a taint does to pods that do not tolerate it (a node's `spec.taints[].effect`,
/// a pod's `tolerations[].effect`); read by the scheduler (stage 4) and the node
/// lifecycle controller (stage 5).
public enum TaintEffect: String, ClosedStringSet {
    case noSchedule = "NoSchedule"
    case preferNoSchedule = "PreferNoSchedule"
    case noExecute = "NoExecute"
}

/// How a toleration matches a taint's value (`tolerations[].operator`); unset means Equal.
public enum TolerationOperator: String, ClosedStringSet {
    case exists = "Exists"
    case equal = "Equal"
}

/// How a node selector requirement compares a node's label (`matchExpressions[].operator`).
public enum NodeSelectorOperator: String, ClosedStringSet {
    case `in` = "In"
    case notIn = "NotIn"
    case exists = "Exists"
    case doesNotExist = "DoesNotExist"
    case greaterThan = "Gt"
    case lessThan = "Lt"
}

/// What the scheduler does with a pod that would break a spread constraint
/// (`topologySpreadConstraints[].whenUnsatisfiable`).
public enum UnsatisfiableConstraintAction: String, ClosedStringSet {
    case doNotSchedule = "DoNotSchedule"
    case scheduleAnyway = "ScheduleAnyway"
}

/// Whether a spread constraint counts nodes the pod's affinity or tolerations exclude.
public enum NodeInclusionPolicy: String, ClosedStringSet {
    case ignore = "Ignore"
    case honor = "Honor"
}

/// When the kubelet changes a volume's ownership to the pod's fsGroup.
public enum PodFSGroupChangePolicy: String, ClosedStringSet {
    case onRootMismatch = "OnRootMismatch"
    case always = "Always"
}

/// Which seccomp profile a container runs with (`seccompProfile.type`).
public enum SeccompProfileType: String, ClosedStringSet {
    case unconfined = "Unconfined"
    case runtimeDefault = "RuntimeDefault"
    case localhost = "Localhost"
}

/// Which AppArmor profile a container runs with (`appArmorProfile.type`).
public enum AppArmorProfileType: String, ClosedStringSet {
    case unconfined = "Unconfined"
    case runtimeDefault = "RuntimeDefault"
    case localhost = "Localhost"
}

/// Which /proc paths the runtime masks in a container (`securityContext.procMount`).
public enum ProcMountType: String, ClosedStringSet {
    case `default` = "Default"
    case unmasked = "Unmasked"
}

/// How the pod's supplementary groups are computed (`securityContext.supplementalGroupsPolicy`).
public enum SupplementalGroupsPolicy: String, ClosedStringSet {
    case merge = "Merge"
    case strict = "Strict"
}

/// The operating system a pod needs (`spec.os.name`).
public enum OSName: String, ClosedStringSet {
    case linux
    case windows
}

/// A container-level restart policy: only init containers may set it, to `Always`,
/// which makes them sidecars that run beside the app containers.
public enum ContainerRestartPolicy: String, ClosedStringSet {
    case always = "Always"
}

/// Whether resizing a container's resource in place restarts it (`resizePolicy[].restartPolicy`).
public enum ResourceResizeRestartPolicy: String, ClosedStringSet {
    case notRequired = "NotRequired"
    case restartContainer = "RestartContainer"
}
