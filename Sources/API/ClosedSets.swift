// Stage 1 · API: the closed vocabularies of core/v1.
//
// Each enum below is a Go `type X string` with its constants, in the order Kubernetes
// lists them (the order appears in "supported values" messages). They live together
// because each is a handful of lines and they are read together: together they are
// the words a pod spec may use. Fields holding them are Optionals: nil is Go's "".

/// What the kubelet does when a container exits (`spec.restartPolicy`); read by the
/// kubelet's pod worker. Kubernetes defaults an unset policy to `Always`.
public enum RestartPolicy: String, ClosedStringSet {
    case always = "Always"
    case onFailure = "OnFailure"
    case never = "Never"
}

/// The one-word summary of a pod's life (`status.phase`), computed by the kubelet from
/// its containers' states and shown by `kubectl get pods`.
public enum PodPhase: String, ClosedStringSet {
    case pending = "Pending"
    case running = "Running"
    case succeeded = "Succeeded"
    case failed = "Failed"
    case unknown = "Unknown"
}

/// Whether a condition holds (`status.conditions[].status`); written by the kubelet.
public enum ConditionStatus: String, ClosedStringSet {
    case `true` = "True"
    case `false` = "False"
    case unknown = "Unknown"
}

/// The transport of a container port (`ports[].protocol`); unset means TCP.
public enum `Protocol`: String, ClosedStringSet {
    case tcp = "TCP"
    case udp = "UDP"
    case sctp = "SCTP"
}

/// The scheme of an HTTP probe (`httpGet.scheme`); unset means HTTP. Used by the prober.
public enum URIScheme: String, ClosedStringSet {
    case http = "HTTP"
    case https = "HTTPS"
}

/// When the kubelet pulls a container's image (`imagePullPolicy`); defaulted from the
/// image's tag (`:latest` or none → Always, otherwise IfNotPresent).
public enum PullPolicy: String, ClosedStringSet {
    case always = "Always"
    case never = "Never"
    case ifNotPresent = "IfNotPresent"
}

/// Where the kubelet takes a terminated container's message from
/// (`terminationMessagePolicy`); unset means File.
public enum TerminationMessagePolicy: String, ClosedStringSet {
    case file = "File"
    case fallbackToLogsOnError = "FallbackToLogsOnError"
}

/// How a pod's DNS is set up (`spec.dnsPolicy`); unset means ClusterFirst.
public enum DNSPolicy: String, ClosedStringSet {
    case clusterFirstWithHostNet = "ClusterFirstWithHostNet"
    case clusterFirst = "ClusterFirst"
    case `default` = "Default"
    case none = "None"
}

/// Whether a pending pod may evict lower-priority pods (`spec.preemptionPolicy`); read
/// by the scheduler (stage 4).
public enum PreemptionPolicy: String, ClosedStringSet {
    case preemptLowerPriority = "PreemptLowerPriority"
    case never = "Never"
}

/// A pod's quality-of-service class (`status.qosClass`), derived from its containers'
/// requests and limits; decides which pods are evicted first under memory pressure.
public enum PodQOSClass: String, ClosedStringSet {
    case guaranteed = "Guaranteed"
    case burstable = "Burstable"
    case bestEffort = "BestEffort"
}

/// What the kubelet checks at a host path before mounting it (`hostPath.type`). Unlike
/// the others, "" is a member here (`unset`: no check), because the Go field is a
/// pointer and Kubernetes defaults it to a pointer to "".
public enum HostPathType: String, ClosedStringSet {
    case unset = ""
    case directoryOrCreate = "DirectoryOrCreate"
    case directory = "Directory"
    case fileOrCreate = "FileOrCreate"
    case file = "File"
    case socket = "Socket"
    case charDevice = "CharDevice"
    case blockDevice = "BlockDevice"
}
