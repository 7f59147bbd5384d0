// Stage 4 · Scheduler: what one scheduler is told at start (Kubernetes' KubeSchedulerConfiguration).
//
// kube-scheduler reads these from a configuration file; here they are flags of
// `stage4 scheduler`, under the names of the file's fields. Every default is Kubernetes'.

/// The settings of one scheduler; made by the composition root, read by `Scheduler`.
public struct SchedulerConfiguration: Sendable {
    /// Kubernetes' defaults, one place for each.
    public enum Defaults {
        /// The name pods ask for in `spec.schedulerName`; the API server writes it into every pod that names none.
        public static let schedulerName = "default-scheduler"
        /// 0 lets the scheduler choose: all nodes below 100, fewer in larger clusters (`SchedulingAlgorithm`).
        public static let percentageOfNodesToScore: Int32 = 0
        /// The first back-off of a pod that did not fit, doubled on each attempt (`podInitialBackoffSeconds`).
        public static let podInitialBackoff: Duration = .seconds(1)
        /// The longest back-off (`podMaxBackoffSeconds`).
        public static let podMaxBackoff: Duration = .seconds(10)
        /// How long an event about a pod may be: the API server's limit on an Event's note.
        public static let eventMessageLimit = 1024
        /// The connections to the API server kept alive for reuse: binding cycles run side by
        /// side, and client-go's transport keeps 25 idle per host (`MaxIdleConnsPerHost`).
        public static let maxIdleConnections = 25
        /// How many binding cycles may be posting at once, each on a connection of its own:
        /// as many as the connections kept (`BindingSlots`).
        public static let bindingsInFlight = maxIdleConnections
    }

    /// The pods this scheduler places: those whose `spec.schedulerName` is this.
    public var schedulerName: String
    /// The share of feasible nodes to find before scoring stops looking; 0 for Kubernetes' adaptive rule.
    public var percentageOfNodesToScore: Int32
    public var podInitialBackoff: Duration
    public var podMaxBackoff: Duration

    public init(
        schedulerName: String = Defaults.schedulerName,
        percentageOfNodesToScore: Int32 = Defaults.percentageOfNodesToScore,
        podInitialBackoff: Duration = Defaults.podInitialBackoff, podMaxBackoff: Duration = Defaults.podMaxBackoff
    ) {
        self.schedulerName = schedulerName
        self.percentageOfNodesToScore = percentageOfNodesToScore
        self.podInitialBackoff = podInitialBackoff
        self.podMaxBackoff = podMaxBackoff
    }
}
