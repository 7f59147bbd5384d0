// Stage 1 · API: what a pod should be (core/v1 `PodSpec`).
//
// The fields a simple pod uses, and those `kubectl get pod -o json` routinely shows for
// one after the API server's defaulting (dnsPolicy, schedulerName, priority, …).
// Left out for now, and dropped when decoding: tolerations, affinity, securityContext,
// imagePullSecrets, hostAliases, dnsConfig, readinessGates, topologySpreadConstraints,
// overhead, runtimeClassName, ephemeralContainers, os, schedulingGates, resourceClaims.

/// The desired state of a pod; written by people and controllers, bound to a node by
/// the scheduler (`nodeName`), carried out by that node's kubelet.
public struct PodSpec: Sendable, Hashable, Codable {
    /// Volumes the containers may mount.
    public var volumes: [Volume]
    /// Containers run one after another, each to completion, before `containers` start.
    public var initContainers: [Container]
    /// The containers of the pod, run together. Required (no omitempty in Go).
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
    /// The pod's DNS subdomain.
    public var subdomain: String
    /// The scheduler responsible for the pod; `default-scheduler` after defaulting.
    public var schedulerName: String
    /// The name of the pod's priority class.
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

    private enum CodingKeys: String, CodingKey {
        case volumes, initContainers, containers, restartPolicy, terminationGracePeriodSeconds
        case activeDeadlineSeconds, dnsPolicy, nodeSelector, serviceAccountName, serviceAccount
        case automountServiceAccountToken, nodeName, hostNetwork, hostPID, hostIPC, hostname, subdomain
        case schedulerName, priorityClassName, priority, preemptionPolicy, enableServiceLinks
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        volumes = try c.decode(.volumes, or: [])
        initContainers = try c.decode(.initContainers, or: [])
        containers = try c.decode(.containers, or: [])
        restartPolicy = try c.decodeMember(.restartPolicy)
        terminationGracePeriodSeconds = try c.decodeIfPresent(.terminationGracePeriodSeconds)
        activeDeadlineSeconds = try c.decodeIfPresent(.activeDeadlineSeconds)
        dnsPolicy = try c.decodeMember(.dnsPolicy)
        nodeSelector = try c.decode(.nodeSelector, or: [:])
        serviceAccountName = try c.decode(.serviceAccountName, or: "")
        serviceAccount = try c.decode(.serviceAccount, or: "")
        automountServiceAccountToken = try c.decodeIfPresent(.automountServiceAccountToken)
        nodeName = try c.decode(.nodeName, or: "")
        hostNetwork = try c.decode(.hostNetwork, or: false)
        hostPID = try c.decode(.hostPID, or: false)
        hostIPC = try c.decode(.hostIPC, or: false)
        hostname = try c.decode(.hostname, or: "")
        subdomain = try c.decode(.subdomain, or: "")
        schedulerName = try c.decode(.schedulerName, or: "")
        priorityClassName = try c.decode(.priorityClassName, or: "")
        priority = try c.decodeIfPresent(.priority)
        preemptionPolicy = try c.decodeMember(.preemptionPolicy)
        enableServiceLinks = try c.decodeIfPresent(.enableServiceLinks)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(volumes, forKey: .volumes)
        try c.encodeUnlessEmpty(initContainers, forKey: .initContainers)
        try c.encode(containers, forKey: .containers)
        try c.encodeIfPresent(restartPolicy, forKey: .restartPolicy)
        try c.encodeIfPresent(terminationGracePeriodSeconds, forKey: .terminationGracePeriodSeconds)
        try c.encodeIfPresent(activeDeadlineSeconds, forKey: .activeDeadlineSeconds)
        try c.encodeIfPresent(dnsPolicy, forKey: .dnsPolicy)
        try c.encodeUnlessEmpty(nodeSelector, forKey: .nodeSelector)
        try c.encodeUnlessEmpty(serviceAccountName, forKey: .serviceAccountName)
        try c.encodeUnlessEmpty(serviceAccount, forKey: .serviceAccount)
        try c.encodeIfPresent(automountServiceAccountToken, forKey: .automountServiceAccountToken)
        try c.encodeUnlessEmpty(nodeName, forKey: .nodeName)
        try c.encodeUnlessEmpty(hostNetwork, forKey: .hostNetwork)
        try c.encodeUnlessEmpty(hostPID, forKey: .hostPID)
        try c.encodeUnlessEmpty(hostIPC, forKey: .hostIPC)
        try c.encodeUnlessEmpty(hostname, forKey: .hostname)
        try c.encodeUnlessEmpty(subdomain, forKey: .subdomain)
        try c.encodeUnlessEmpty(schedulerName, forKey: .schedulerName)
        try c.encodeUnlessEmpty(priorityClassName, forKey: .priorityClassName)
        try c.encodeIfPresent(priority, forKey: .priority)
        try c.encodeIfPresent(preemptionPolicy, forKey: .preemptionPolicy)
        try c.encodeIfPresent(enableServiceLinks, forKey: .enableServiceLinks)
    }
}
