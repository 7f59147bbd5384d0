// Stage 1 · API: what the kubelet observes of a pod (core/v1 `PodStatus`).
//
// Only the kubelet writes this (the scheduler adds the PodScheduled condition). The
// phase summarises, the conditions say what holds and since when, and the container
// statuses say what each container is doing and how often it restarted — the numbers
// `kubectl get pods` prints. Left out: nominatedNodeName, observedGeneration,
// ephemeralContainerStatuses, resize, resourceClaimStatuses.

/// A pod's observed state; written by the kubelet's status manager, read by everyone.
public struct PodStatus: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var phase: PodPhase?
    public var conditions: [PodCondition]
    public var message: String
    public var reason: String
    public var hostIP: String
    public var hostIPs: [HostIP]
    public var podIP: String
    public var podIPs: [PodIP]
    public var startTime: Time?
    public var initContainerStatuses: [ContainerStatus]
    public var containerStatuses: [ContainerStatus]
    public var qosClass: PodQOSClass?
    // Stage 4 > preemption: the node a pending pod evicted others on, and waits for (Go writes it after reason)
    public var nominatedNodeName: String = ""
    // Stage 4 <

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
        .member("phase", \.phase, "Pending, Running, Succeeded, Failed or Unknown: the one-word summary of the pod's life."),
        .omitEmpty("conditions", \.conditions, "What holds of the pod now: PodScheduled, Initialized, ContainersReady, Ready."),
        .omitEmpty("message", \.message, "A human-readable reason for the pod's state."),
        .omitEmpty("reason", \.reason, "A one-word reason for the pod's state, such as Evicted."),
        // Stage 4 > preemption: the node a pending pod evicted others on, and waits for (Go writes it after reason)
        .omitEmpty("nominatedNodeName", \.nominatedNodeName,
            "The node this pod preempted others on, where it is expected to run once they are gone; set by the scheduler."),
        // Stage 4 <
        .omitEmpty("hostIP", \.hostIP, "The address of the node the pod runs on."),
        .omitEmpty("hostIPs", \.hostIPs, "The node's addresses."),
        .omitEmpty("podIP", \.podIP, "The pod's address."),
        .omitEmpty("podIPs", \.podIPs, "The pod's addresses."),
        .pointer("startTime", \.startTime, "When the kubelet accepted the pod."),
        .omitEmpty("initContainerStatuses", \.initContainerStatuses, "The state of each init container."),
        .omitEmpty("containerStatuses", \.containerStatuses, "The state of each container."),
        .member("qosClass", \.qosClass, "Guaranteed, Burstable or BestEffort, from the containers' requests and limits."),
    ]
}
