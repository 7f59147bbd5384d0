// Stage 4 · Scheduler: kube-scheduler, the component that decides where each pod runs.
//
// The scheduler is a client of the API server like any other: it never touches the
// store and never talks to a kubelet. It watches pods and nodes through informers, keeps
// its own picture of what runs where (`SchedulerCache`), and puts every pod that has no
// node and names this scheduler into its queue (`SchedulingQueue`). Then it takes one
// pod at a time:
//
//     pop a pod ─▶ scheduling cycle (one pod at a time)          ─▶ binding cycle (concurrently)
//                  filter the nodes, score the rest, pick one,      PreBind, Bind: POST pods/web/binding,
//                  assume the pod there, Reserve, Permit            then the Scheduled event
//
// The scheduling cycle is serial, so each decision sees the one before it: a pod is
// *assumed* on its node in the cache before its binding is even sent, and the next pod
// already finds that node's resources taken. The binding cycle, a round trip to the API
// server, runs beside the next pods' cycles. A pod that fits nowhere gets its reasons
// (`FitError`), an Event and a `PodScheduled=False` condition, and waits in the queue
// until something changes in the cluster that might let it fit.
//
// Where the code is: the handlers that feed the cache and the queue are in
// `Scheduler+EventHandlers.swift`, the two cycles in `Scheduler+ScheduleOne.swift`, what
// a failure does in `Scheduler+Failure.swift`; the filters and scores are plugins
// (module `SchedulerPlugins`), run by the framework (`SchedulerFramework`).

import API
import APIMachinery
import Client
import ClusterKinds
import Common
import Informers
import SchedulerFramework
import SchedulerPlugins

/// One kube-scheduler: made by the composition root, `run` while it leads.
public struct Scheduler: Sendable {
    /// The pods the scheduler watches: every pod still to run or running. Finished pods
    /// use no resources, so they are left out (kube-scheduler's own pod informer selector).
    public static let podFieldSelector = "status.phase!=Succeeded,status.phase!=Failed"

    public let configuration: SchedulerConfiguration
    let client: APIClient
    let informers: SharedInformerFactory
    let cache: SchedulerCache
    let queue: SchedulingQueue
    let framework: Framework
    let algorithm: SchedulingAlgorithm
    let recorder: SchedulerEventRecorder
    /// The binding cycles that may be posting at once (`BindingSlots`).
    let bindingSlots = BindingSlots(count: SchedulerConfiguration.Defaults.bindingsInFlight)
    let logger: Logger

    /// A scheduler with Kubernetes' default plugins, reading and writing through `client`.
    public init(client: APIClient, configuration: SchedulerConfiguration = SchedulerConfiguration(), logger: Logger) {
        self.configuration = configuration
        self.client = client
        self.logger = logger
        informers = SharedInformerFactory(client: client, logger: logger.labelled("informers"))
        cache = SchedulerCache()
        queue = SchedulingQueue(initialBackoff: configuration.podInitialBackoff, maxBackoff: configuration.podMaxBackoff)
        recorder = SchedulerEventRecorder(client: client, component: configuration.schedulerName, logger: logger)
        framework = DefaultPlugins.framework(
            handle: APIFrameworkHandle(client: client, recorder: recorder),
            percentageOfNodesToScore: configuration.percentageOfNodesToScore)
        algorithm = SchedulingAlgorithm(framework: framework)
    }

    /// Watches, then schedules one pod after another until the task is cancelled.
    public func run() async throws {
        let pods = await informers.informer(Pod.self, fieldSelector: Self.podFieldSelector)
        let nodes = await informers.informer(Node.self)
        await addEventHandlers(pods: pods, nodes: nodes)
        do {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { try await informers.run() }
                group.addTask { await queue.run() }
                group.addTask { await recorder.run() }
                // Kubernetes' WaitForCacheSync: no decision before the whole cluster is known,
                // or the first pods would all go to the first node that appeared.
                guard await informers.waitForCacheSync() else { return }
                logger.info("scheduler started", ["scheduler": configuration.schedulerName])
                var snapshot = Snapshot()
                while true {
                    let queued = try await queue.pop()
                    let cycle = await queue.schedulingCycle
                    if let placed = await schedulingCycle(queued, cycle: cycle, pods: pods, snapshot: &snapshot) {
                        group.addTask { await bindingCycle(placed, pods: pods) }
                    }
                }
            }
        } catch is CancellationError {
            // Shutdown: cancellation is how the scheduler is stopped.
        }
    }
}
