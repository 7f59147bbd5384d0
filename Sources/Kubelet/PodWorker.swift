// Stage 1 · Kubelet: one worker per pod, making the pod's containers match its spec.
//
// Kubernetes' kubelet gives every pod its own worker (`pod_workers.go`). The worker
// loops: each time something happens (a tick of the sync period, a probe result, an
// order to stop) it *syncs* the pod: it asks the container runtime what is really
// running, compares that with the pod's spec, and acts (start a container, restart a
// crashed one after its back-off, kill one that failed its liveness probe). Then it
// writes down the pod's status. A sync never assumes what the last one did: it always
// starts again from what the runtime reports, so a missed event is fixed by the next.
//
// The worker is an actor, so its state is touched by one task at a time; the sync
// logic is in `PodWorker+Sync.swift`, the container actions in
// `PodWorker+Containers.swift`, and the status it writes is computed, without side
// effects, by `PodStatusGenerator`.

import API
import CRI
import Common
import Foundation

/// Keeps one pod's containers running as its spec says, until told to stop.
public actor PodWorker {
    /// What woke the worker up.
    enum Event: Sendable {
        /// The sync period passed; look again.
        case resync
        /// A probe's verdict on a container changed.
        case probe(ProbeVerdict)
        /// The pod is no longer wanted: stop its containers and clean up.
        case terminate
        /// The pod's source has a newer version of it (a new image, a deletion's grace period).
        case update(Pod)
        /// The termination the worker started is done: the pod is stopped and cleaned up.
        case terminated
    }

    /// Where the worker is in the pod's life.
    enum State: Sendable, Equatable {
        /// Keeping the containers in line with the spec.
        case syncing
        /// Stopping everything; no container is started any more.
        case terminating
        /// All stopped and cleaned up; the worker's `run` has returned or is returning.
        case terminated
    }

    /// The pod as its source last described it.
    public private(set) var pod: Pod
    let runtime: any ContainerRuntime
    let configuration: KubeletConfiguration
    let statusManager: StatusManager
    let recorder: any EventRecorder
    let logger: Logger
    let hostIP: String
    /// Where the ConfigMaps and Secrets the pod refers to come from; stage 1 has none.
    var configObjects: any ConfigObjectManager = StandaloneConfigObjects()

    // State owned by the worker (and so by the actor): touched only inside its methods.

    var state: State = .syncing
    /// The pod's sandbox in the runtime, once made.
    var sandboxID: String?
    /// What the worker knows of each container it created, by container name.
    var containers: [String: ContainerRecord] = [:]
    /// Why a container that is not running is waiting, by name (`CrashLoopBackOff`…).
    var waiting: [String: WaitingReason] = [:]
    /// Crash-loop back-off of this pod's containers.
    var backoff: RestartBackoff
    /// The readiness and liveness verdicts of the probes, by container name.
    var probeResults: [String: ProbeResults] = [:]
    /// Set when the pod has ended for good (a failed init container under `Never`).
    var hasFailedForGood = false
    /// When the worker first synced the pod: the pod's `startTime`.
    var startTime: Time?
    /// Why the pod has failed for good as a whole (`DeadlineExceeded`), shown in its status.
    var podFailure: WaitingReason?
    /// Why the pod's file-backed volumes could not be written at the last sync, if so.
    var volumeProblem: String?
    /// True once the file-backed volumes were written: the containers may use them.
    var areVolumesWritten = false

    private let events: AsyncStream<Event>
    private let eventSink: AsyncStream<Event>.Continuation
    /// Probe workers to start, collected during a sync and started by `run`'s task group.
    var pendingProbes: [ProbeWorker] = []

    /// Makes a worker for `pod`; nothing happens until `run()`.
    public init(
        pod: Pod,
        runtime: any ContainerRuntime,
        configuration: KubeletConfiguration,
        statusManager: StatusManager,
        recorder: any EventRecorder,
        logger: Logger,
        hostIP: String = "127.0.0.1",
        // Stage 2 > the API connection gives the kubelet the ConfigMaps and Secrets its pods refer to
        configObjects: any ConfigObjectManager = StandaloneConfigObjects()
        // Stage 2 <
    ) {
        self.pod = pod
        self.runtime = runtime
        self.configuration = configuration
        self.statusManager = statusManager
        self.recorder = recorder
        self.logger = logger
        self.hostIP = hostIP
        // Stage 2 > the API connection gives the kubelet the ConfigMaps and Secrets its pods refer to
        self.configObjects = configObjects
        // Stage 2 <
        self.backoff = RestartBackoff(policy: configuration.backoff)
        (events, eventSink) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .unbounded)
    }

    /// Runs the worker until the pod is terminated (or the task is cancelled, at shutdown).
    ///
    /// A ticker child task sends `.resync` every sync period; probe workers run as
    /// further child tasks, so that when `run` returns, nothing of this pod is left running
    /// in the kubelet.
    public func run() async {
        await withDiscardingTaskGroup { group in
            let sink = eventSink
            let period = configuration.syncFrequency
            group.addTask {
                while (try? await Task.sleep(for: period)) != nil {
                    sink.yield(.resync)
                }
            }
            await sync()
            startProbes(in: &group)
            loop: for await event in events {
                switch event {
                case .resync: break
                case .probe(let verdict): await record(verdict)
                case .terminate:
                    guard state == .syncing else { continue }
                    state = .terminating
                    // The stopping runs beside this loop, so that a shorter grace period
                    // (a second delete, with `--now`) still reaches the containers.
                    group.addTask {
                        await self.terminate()
                        sink.yield(.terminated)
                    }
                case .update(let newer):
                    // The main loop hands every worker its pod on every change to any pod;
                    // an unchanged pod is no reason to sync (the resync tick still comes).
                    guard newer != pod else { continue }
                    let grace = terminationGracePeriod
                    pod = newer
                    if state == .terminating && terminationGracePeriod < grace { shortenTermination(in: &group) }
                case .terminated:
                    break loop
                }
                await sync()
                startProbes(in: &group)
            }
            group.cancelAll()
        }
    }

    /// Asks the worker to stop the pod's containers and clean up; `run` returns when done.
    public nonisolated func requestTermination() {
        eventSink.yield(.terminate)
    }

    /// Hands the worker a newer version of its pod, which the next sync works towards.
    public nonisolated func update(_ pod: Pod) {
        eventSink.yield(.update(pod))
    }

    /// Hands a probe's verdict to the worker, which acts on it at its next sync.
    nonisolated func deliver(_ verdict: ProbeVerdict) {
        eventSink.yield(.probe(verdict))
    }

    /// True while `containerID` is the current attempt of a running container of this pod.
    func isCurrent(containerID: String) -> Bool {
        state == .syncing && containers.values.contains { $0.id == containerID && $0.status.state == .running }
    }

    private func startProbes(in group: inout DiscardingTaskGroup) {
        for probe in pendingProbes {
            group.addTask { await probe.run() }
        }
        pendingProbes.removeAll()
    }
}

/// Why a container is waiting rather than running, as shown in its status.
struct WaitingReason: Sendable, Equatable {
    /// A CamelCase word, as Kubernetes' reasons: `ContainerCreating`, `CrashLoopBackOff`.
    var reason: String
    /// A sentence with the details.
    var message: String
}

/// What the worker remembers of a container it created.
struct ContainerRecord: Sendable {
    /// The runtime's id of the current attempt.
    var id: String
    /// How many times the container has been restarted: the attempt number.
    var restartCount: Int
    /// The runtime's latest report on the current attempt.
    var status: RuntimeContainerStatus
    /// The runtime's last report on the previous attempt, shown as `lastState`.
    var previous: RuntimeContainerStatus?
    /// The spec this attempt was started from; a running attempt whose spec differs
    /// from the pod's (Kubernetes compares hashes) is restarted.
    var spec: Container = Container()
}
