// Stage 1 · API: what a pod should be (core/v1 `PodSpec`).
//
// The fields a simple pod uses, and those `kubectl get pod -o json` routinely shows for
// one after the API server's defaulting (dnsPolicy, schedulerName, priority, …).
// Left out for now, and dropped when decoding: tolerations, affinity, securityContext,
// imagePullSecrets, hostAliases, dnsConfig, readinessGates, topologySpreadConstraints,
// overhead, runtimeClassName, ephemeralContainers, os, schedulingGates, resourceClaims.

/// The desired state of a pod; written by people and controllers, bound to a node by
/// the scheduler (`nodeName`), carried out by that node's kubelet.
public struct PodSpec: Sendable, Hashable {
    /// Volumes the containers may mount.
    public var volumes: [Volume]
    /// Containers run one after another, each to completion, before `containers` start.
    public var initContainers: [Container]
    /// The containers of the pod, run together; at least one is required.
    public var containers: [Container]
    /// What to do when a container exits; nil (unset) is defaulted to Always.
    public var restartPolicy: RestartPolicy?
    /// How long the kubelet waits between SIGTERM and SIGKILL; nil means 30 seconds.
    public var terminationGracePeriodSeconds: Int64?
    /// How long the pod may run before the kubelet fails it.
    public var activeDeadlineSeconds: Int64?
    /// How the pod's DNS is set up.
    public var dnsPolicy: DNSPolicy?
    /// Labels a node must have for the pod to be scheduled there.
    public var nodeSelector: [String: String]
    /// The service account the pod runs as.
    public var serviceAccountName: String
    /// Deprecated alias of `serviceAccountName`, still written by the API server.
    public var serviceAccount: String
    /// Whether to mount the service account's token.
    public var automountServiceAccountToken: Bool?
    /// The node the pod is bound to; set by the scheduler, or by hand.
    public var nodeName: String
    /// Use the node's network namespace instead of the pod's own.
    public var hostNetwork: Bool
    /// Use the node's PID namespace.
    public var hostPID: Bool
    /// Use the node's IPC namespace.
    public var hostIPC: Bool
    /// The pod's hostname; defaults to the pod's name.
    public var hostname: String
    public var subdomain: String
    /// The scheduler responsible for the pod; `default-scheduler` after defaulting.
    public var schedulerName: String
    public var priorityClassName: String
    /// The pod's priority, resolved from its class by the API server.
    public var priority: Int32?
    /// Whether the pod may preempt lower-priority pods.
    public var preemptionPolicy: PreemptionPolicy?
    /// Whether service environment variables are injected; nil means true.
    public var enableServiceLinks: Bool?

    /// Makes a pod spec; every field defaults to Go's zero value.
    public init(
        volumes: [Volume] = [], initContainers: [Container] = [], containers: [Container] = [],
        restartPolicy: RestartPolicy? = nil, terminationGracePeriodSeconds: Int64? = nil,
        activeDeadlineSeconds: Int64? = nil, dnsPolicy: DNSPolicy? = nil, nodeSelector: [String: String] = [:],
        serviceAccountName: String = "", serviceAccount: String = "", automountServiceAccountToken: Bool? = nil,
        nodeName: String = "", hostNetwork: Bool = false, hostPID: Bool = false, hostIPC: Bool = false,
        hostname: String = "", subdomain: String = "", schedulerName: String = "", priorityClassName: String = "",
        priority: Int32? = nil, preemptionPolicy: PreemptionPolicy? = nil, enableServiceLinks: Bool? = nil
    ) {
        self.volumes = volumes
        self.initContainers = initContainers
        self.containers = containers
        self.restartPolicy = restartPolicy
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
        self.activeDeadlineSeconds = activeDeadlineSeconds
        self.dnsPolicy = dnsPolicy
        self.nodeSelector = nodeSelector
        self.serviceAccountName = serviceAccountName
        self.serviceAccount = serviceAccount
        self.automountServiceAccountToken = automountServiceAccountToken
        self.nodeName = nodeName
        self.hostNetwork = hostNetwork
        self.hostPID = hostPID
        self.hostIPC = hostIPC
        self.hostname = hostname
        self.subdomain = subdomain
        self.schedulerName = schedulerName
        self.priorityClassName = priorityClassName
        self.priority = priority
        self.preemptionPolicy = preemptionPolicy
        self.enableServiceLinks = enableServiceLinks
    }
}

extension PodSpec: APIFields {
    public static let zero = PodSpec()
    public static let fields: [JSONField<PodSpec>] = [
        .omitEmpty("volumes", \.volumes),
        .omitEmpty("initContainers", \.initContainers),
        .always("containers", \.containers),
        .member("restartPolicy", \.restartPolicy),
        .pointer("terminationGracePeriodSeconds", \.terminationGracePeriodSeconds),
        .pointer("activeDeadlineSeconds", \.activeDeadlineSeconds),
        .member("dnsPolicy", \.dnsPolicy),
        .omitEmpty("nodeSelector", \.nodeSelector),
        .omitEmpty("serviceAccountName", \.serviceAccountName),
        .omitEmpty("serviceAccount", \.serviceAccount),
        .pointer("automountServiceAccountToken", \.automountServiceAccountToken),
        .omitEmpty("nodeName", \.nodeName),
        .omitEmpty("hostNetwork", \.hostNetwork),
        .omitEmpty("hostPID", \.hostPID),
        .omitEmpty("hostIPC", \.hostIPC),
        .omitEmpty("hostname", \.hostname),
        .omitEmpty("subdomain", \.subdomain),
        .omitEmpty("schedulerName", \.schedulerName),
        .omitEmpty("priorityClassName", \.priorityClassName),
        .pointer("priority", \.priority),
        .member("preemptionPolicy", \.preemptionPolicy),
        .pointer("enableServiceLinks", \.enableServiceLinks),
    ]
}
