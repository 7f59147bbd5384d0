// Stage 1 · API: what the kubelet observes of a pod (core/v1 `PodStatus`).
//
// Only the kubelet writes this (the scheduler adds the PodScheduled condition). The
// phase summarises, the conditions say what holds and since when, and the container
// statuses say what each container is doing and how often it restarted — the numbers
// `kubectl get pods` prints. Left out: nominatedNodeName, observedGeneration,
// ephemeralContainerStatuses, resize, resourceClaimStatuses.

/// A pod's observed state; written by the kubelet's status manager, read by everyone.
public struct PodStatus: Sendable, Hashable, Codable {
    /// The one-word summary: Pending, Running, Succeeded, Failed or Unknown.
    public var phase: PodPhase?
    /// What holds for the pod: scheduled, initialized, containers ready, ready.
    public var conditions: [PodCondition]
    /// A human-readable explanation of the pod's state.
    public var message: String
    /// A CamelCase reason for the pod's state, such as `Evicted`.
    public var reason: String
    /// The primary IP of the node the pod runs on.
    public var hostIP: String
    /// All IPs of the node.
    public var hostIPs: [HostIP]
    /// The pod's primary IP.
    public var podIP: String
    /// All IPs of the pod; the first equals `podIP`.
    public var podIPs: [PodIP]
    /// When the kubelet accepted the pod.
    public var startTime: Time?
    /// The statuses of the init containers, in spec order.
    public var initContainerStatuses: [ContainerStatus]
    /// The statuses of the containers, in spec order.
    public var containerStatuses: [ContainerStatus]
    /// The quality-of-service class derived from resources.
    public var qosClass: PodQOSClass?

    /// Makes a pod status; every field defaults to Go's zero value.
    public init(
        phase: PodPhase? = nil, conditions: [PodCondition] = [], message: String = "", reason: String = "",
        hostIP: String = "", hostIPs: [HostIP] = [], podIP: String = "", podIPs: [PodIP] = [],
        startTime: Time? = nil, initContainerStatuses: [ContainerStatus] = [],
        containerStatuses: [ContainerStatus] = [], qosClass: PodQOSClass? = nil
    ) {
        self.phase = phase
        self.conditions = conditions
        self.message = message
        self.reason = reason
        self.hostIP = hostIP
        self.hostIPs = hostIPs
        self.podIP = podIP
        self.podIPs = podIPs
        self.startTime = startTime
        self.initContainerStatuses = initContainerStatuses
        self.containerStatuses = containerStatuses
        self.qosClass = qosClass
    }

    private enum CodingKeys: String, CodingKey {
        case phase, conditions, message, reason, hostIP, hostIPs, podIP, podIPs, startTime
        case initContainerStatuses, containerStatuses, qosClass
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        phase = try c.decodeMember(.phase)
        conditions = try c.decode(.conditions, or: [])
        message = try c.decode(.message, or: "")
        reason = try c.decode(.reason, or: "")
        hostIP = try c.decode(.hostIP, or: "")
        hostIPs = try c.decode(.hostIPs, or: [])
        podIP = try c.decode(.podIP, or: "")
        podIPs = try c.decode(.podIPs, or: [])
        startTime = try c.decodeIfPresent(.startTime)
        initContainerStatuses = try c.decode(.initContainerStatuses, or: [])
        containerStatuses = try c.decode(.containerStatuses, or: [])
        qosClass = try c.decodeMember(.qosClass)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(phase, forKey: .phase)
        try c.encodeUnlessEmpty(conditions, forKey: .conditions)
        try c.encodeUnlessEmpty(message, forKey: .message)
        try c.encodeUnlessEmpty(reason, forKey: .reason)
        try c.encodeUnlessEmpty(hostIP, forKey: .hostIP)
        try c.encodeUnlessEmpty(hostIPs, forKey: .hostIPs)
        try c.encodeUnlessEmpty(podIP, forKey: .podIP)
        try c.encodeUnlessEmpty(podIPs, forKey: .podIPs)
        try c.encodeIfPresent(startTime, forKey: .startTime)
        try c.encodeUnlessEmpty(initContainerStatuses, forKey: .initContainerStatuses)
        try c.encodeUnlessEmpty(containerStatuses, forKey: .containerStatuses)
        try c.encodeIfPresent(qosClass, forKey: .qosClass)
    }
}
