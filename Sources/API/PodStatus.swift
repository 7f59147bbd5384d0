// Stage 1 · API: what the kubelet observes of a pod (core/v1 `PodStatus`).
//
// Only the kubelet writes this (the scheduler adds the PodScheduled condition). The
// phase summarises, the conditions say what holds and since when, and the container
// statuses say what each container is doing and how often it restarted — the numbers
// `kubectl get pods` prints. Left out: nominatedNodeName, observedGeneration,
// ephemeralContainerStatuses, resize, resourceClaimStatuses.

/// A pod's observed state; written by the kubelet's status manager, read by everyone.
public struct PodStatus: Sendable, Hashable {
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
}

extension PodStatus: APIFields {
    public static let zero = PodStatus()
    public static let fields: [JSONField<PodStatus>] = [
        .member("phase", \.phase),
        .omitEmpty("conditions", \.conditions),
        .omitEmpty("message", \.message),
        .omitEmpty("reason", \.reason),
        .omitEmpty("hostIP", \.hostIP),
        .omitEmpty("hostIPs", \.hostIPs),
        .omitEmpty("podIP", \.podIP),
        .omitEmpty("podIPs", \.podIPs),
        .pointer("startTime", \.startTime),
        .omitEmpty("initContainerStatuses", \.initContainerStatuses),
        .omitEmpty("containerStatuses", \.containerStatuses),
        .member("qosClass", \.qosClass),
    ]
}
