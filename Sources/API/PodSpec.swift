// Stage 1 · API: what a pod should be (core/v1 `PodSpec`).
//
// Every field of core/v1's PodSpec that a pod of this series' manifests, or of stages
// 3-5, uses: containers and volumes, restart and termination, where the pod may run
// (nodeSelector, affinity, tolerations, topologySpreadConstraints, priority), its
// privileges (securityContext), DNS and host names. Left out, and reported as unknown
// fields by the API server's field validation (a warning, or a 400 when strict):
// ephemeralContainers (a subresource of their own), resourceClaims and resources
// (dynamic resource allocation, pod-level resources).
//
// Each field's meaning is written once, as the description in the field table below;
// that is what `kubectl explain pod.spec` prints.

/// The desired state of a pod; written by people and controllers, bound to a node by
/// the scheduler (`nodeName`), carried out by that node's kubelet.
public struct PodSpec: Sendable, Hashable {
    public var volumes: [Volume]
    public var initContainers: [Container]
    public var containers: [Container]
    public var restartPolicy: RestartPolicy?
    public var terminationGracePeriodSeconds: Int64?
    public var activeDeadlineSeconds: Int64?
    public var dnsPolicy: DNSPolicy?
    public var nodeSelector: [String: String]
    public var serviceAccountName: String
    public var serviceAccount: String
    public var automountServiceAccountToken: Bool?
    public var nodeName: String
    public var hostNetwork: Bool
    public var hostPID: Bool
    public var hostIPC: Bool
    public var hostname: String
    public var subdomain: String
    public var schedulerName: String
    public var priorityClassName: String
    public var priority: Int32?
    public var preemptionPolicy: PreemptionPolicy?
    public var enableServiceLinks: Bool?
    // Fields no initializer argument sets: Go's zero values.
    public var shareProcessNamespace: Bool?
    public var securityContext: PodSecurityContext?
    public var imagePullSecrets: [LocalObjectReference] = []
    public var affinity: Affinity?
    public var tolerations: [Toleration] = []
    public var hostAliases: [HostAlias] = []
    public var dnsConfig: PodDNSConfig?
    public var readinessGates: [PodReadinessGate] = []
    public var runtimeClassName: String?
    public var overhead: [String: Quantity] = [:]
    public var topologySpreadConstraints: [TopologySpreadConstraint] = []
    public var setHostnameAsFQDN: Bool?
    public var os: PodOS?
    public var hostUsers: Bool?
    public var schedulingGates: [PodSchedulingGate] = []

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
    public static let typeDescription = "The desired state of a pod: its containers and volumes, and where and how they run."
    public static let zero = PodSpec()
    public static let fields: [JSONField<PodSpec>] = [
        .omitEmpty("volumes", \.volumes, "Volumes the pod's containers may mount, each with a name and a source."),
        .omitEmpty("initContainers", \.initContainers,
                   "Containers run one after another, each to completion, before the app containers start."),
        .always("containers", \.containers, "The pod's containers, run together; at least one is required."),
        .member("restartPolicy", \.restartPolicy,
                "What the kubelet does when a container exits: Always (the default), OnFailure or Never."),
        .pointer("terminationGracePeriodSeconds", \.terminationGracePeriodSeconds,
                 "Seconds between the stop signal and the kill when the pod is deleted; 30 by default."),
        .pointer("activeDeadlineSeconds", \.activeDeadlineSeconds,
                 "Seconds the pod may run, counted from its start, before the kubelet fails it."),
        .member("dnsPolicy", \.dnsPolicy,
                "How the pod's DNS is set up: ClusterFirst (the default), ClusterFirstWithHostNet, Default or None."),
        .omitEmpty("nodeSelector", \.nodeSelector, "Labels a node must have for the pod to be scheduled there."),
        .omitEmpty("serviceAccountName", \.serviceAccountName, "The service account the pod's processes run as."),
        .omitEmpty("serviceAccount", \.serviceAccount, "Deprecated alias of serviceAccountName."),
        .pointer("automountServiceAccountToken", \.automountServiceAccountToken,
                 "Whether the service account's token is mounted into the containers."),
        .omitEmpty("nodeName", \.nodeName, "The node the pod is bound to: set by the scheduler, or by hand to skip it."),
        .omitEmpty("hostNetwork", \.hostNetwork, "Use the node's network namespace instead of a network of the pod's own."),
        .omitEmpty("hostPID", \.hostPID, "Use the node's process-id namespace."),
        .omitEmpty("hostIPC", \.hostIPC, "Use the node's IPC namespace."),
        .pointer("shareProcessNamespace", \.shareProcessNamespace,
                 "Let the containers see each other's processes, in one process-id namespace."),
        .pointer("securityContext", \.securityContext,
                 "Pod-wide privileges: user and group ids, volume ownership, security profiles. {} when unset."),
        .omitEmpty("imagePullSecrets", \.imagePullSecrets, "Secrets holding credentials for pulling the images."),
        .omitEmpty("hostname", \.hostname, "The pod's host name; by default its name."),
        .omitEmpty("subdomain", \.subdomain, "With a headless Service of that name: the pod's DNS name is hostname.subdomain."),
        .pointer("affinity", \.affinity, "Rules on the node, and on the other pods, near which the pod is scheduled."),
        .omitEmpty("schedulerName", \.schedulerName, "The scheduler that places the pod; default-scheduler by default."),
        .omitEmpty("tolerations", \.tolerations, "Node taints the pod tolerates."),
        .omitEmpty("hostAliases", \.hostAliases, "Entries added to the pod's /etc/hosts."),
        .omitEmpty("priorityClassName", \.priorityClassName, "The PriorityClass that gives the pod its priority."),
        .pointer("priority", \.priority, "The pod's priority, resolved from its priority class when it is created."),
        .pointer("dnsConfig", \.dnsConfig, "DNS settings merged into, or with dnsPolicy None making up, the pod's resolv.conf."),
        .omitEmpty("readinessGates", \.readinessGates, "Further conditions that must be True for the pod to be Ready."),
        .pointer("runtimeClassName", \.runtimeClassName, "The RuntimeClass whose container runtime handler runs the pod."),
        .pointer("enableServiceLinks", \.enableServiceLinks,
                 "Whether Services' addresses are given to the containers as environment variables; true by default."),
        .member("preemptionPolicy", \.preemptionPolicy,
                "Whether the pod may evict lower-priority pods to be scheduled: PreemptLowerPriority or Never."),
        .omitEmpty("overhead", \.overhead, "Resources the pod's sandbox uses beyond its containers, from its RuntimeClass."),
        .omitEmpty("topologySpreadConstraints", \.topologySpreadConstraints,
                   "How evenly pods matching a selector must spread across nodes, zones or other domains."),
        .pointer("setHostnameAsFQDN", \.setHostnameAsFQDN, "Make the pod's host name its fully qualified domain name."),
        .pointer("os", \.os, "The operating system the pod needs: linux or windows."),
        .pointer("hostUsers", \.hostUsers, "false runs the pod in a user namespace of its own."),
        .omitEmpty("schedulingGates", \.schedulingGates, "Gates that keep the pod from being scheduled while any remains."),
    ]
}
