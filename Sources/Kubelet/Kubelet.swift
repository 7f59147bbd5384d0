// Stage 1 · Kubelet: the node agent — it runs the pods it is told to run.
//
// The kubelet is the part of Kubernetes that actually runs things. It never decides
// *what* to run: its sources (stage 1: a folder of manifests) tell it which pods should
// be on this node, and it makes it so. Its pieces:
//
//   sources ──► PodManager ──► one PodWorker per pod ──► container runtime (CRI)
//                                      │
//                                      ▼
//                               StatusManager ──► read-only HTTP API (/pods, logs…)
//
// `run()` holds every piece's lifetime in one task group. Cancelling it (Ctrl-C) stops
// every pod gracefully, each container with its pod's grace period, before returning.

import API
import CRI
import Common
import Foundation
import HTTP

/// The kubelet: runs the pods its sources want on this node, and reports on them.
public struct Kubelet: Sendable {
    public let configuration: KubeletConfiguration
    /// The desired pods, merged from every source.
    public let podManager = PodManager()
    /// The latest status of every pod.
    public let statusManager = StatusManager()
    let runtime: any ContainerRuntime
    let sources: [any PodSource]
    let recorder: any EventRecorder
    /// Where the ConfigMaps and Secrets pods refer to come from; stage 1 has none.
    var configObjects: any ConfigObjectManager = StandaloneConfigObjects()
    let logger: Logger
    let workers = PodWorkers()
    /// The read-only HTTP API's listener, bound when the kubelet is made.
    let server: HTTPServer

    /// Makes a kubelet and binds its HTTP port, so a port conflict is reported before anything runs.
    public init(
        configuration: KubeletConfiguration,
        runtime: any ContainerRuntime,
        sources: [any PodSource],
        recorder: (any EventRecorder)? = nil,
        // Stage 2 > the API connection gives the kubelet the ConfigMaps and Secrets its pods refer to
        configObjects: any ConfigObjectManager = StandaloneConfigObjects(),
        // Stage 2 <
        logger: Logger
    ) throws {
        self.configuration = configuration
        self.runtime = runtime
        self.sources = sources
        self.logger = logger
        self.recorder = recorder ?? LoggingEventRecorder(logger: logger)
        // Stage 2 > the API connection gives the kubelet the ConfigMaps and Secrets its pods refer to
        self.configObjects = configObjects
        // Stage 2 <
        let handler = KubeletServer(
            podManager: podManager, statusManager: statusManager, workers: workers,
            machine: MachineInfo.current(), followInterval: KubeletConfiguration.Defaults.logFollowInterval)
        server = try HTTPServer(host: configuration.address, port: configuration.port,
                                logger: logger.labelled("kubelet-http"), handler: handler.handle)
    }

    /// The port the read-only API listens on (useful when configured with port 0).
    public var port: Int { server.port }

    // Stage 2 > the API connection confirms a graceful deletion once the pod's worker is gone
    /// True while pod `uid` has a worker, running or still stopping its containers.
    public func hasWorker(forPod uid: String) async -> Bool { await workers.hasWorker(forPod: uid) }
    // Stage 2 <

    // Stage 3 > the kubelet tells who asks the moment a pod's worker is gone, so an informer-fed kubelet confirms a deletion at once
    /// The uid of each pod whose worker has finished, from now on: its containers are stopped.
    public func workerRemovals() async -> AsyncStream<String> { await workers.removals() }
    // Stage 3 <

    /// Runs the kubelet until cancelled, then stops every pod gracefully.
    public func run() async throws {
        logger.info("starting", ["node": configuration.nodeName, "root": configuration.rootDirectory.path])
        await removeLeftoverContainers()
        logger.info("listening", ["address": "\(configuration.address):\(server.port)"])
        let (changes, changed) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        var failure: (any Error)?
        do {
            try await withThrowingDiscardingTaskGroup { group in
                // If the server or a source ever ends, the main loop below must end too.
                group.addTask {
                    defer { changed.finish() }
                    try await server.run()
                }
                for source in sources {
                    group.addTask {
                        defer { changed.finish() }
                        try await source.run { update in
                            _ = await podManager.apply(update)
                            changed.yield()
                        }
                    }
                }
                // The main loop: each time the desired set changes, start and stop workers.
                for await _ in changes {
                    await reconcileWorkers(addingTo: &group, changed: changed)
                }
                group.cancelAll()
            }
        } catch is CancellationError {
            // Shutdown was asked for; the pods are stopped below.
        } catch {
            logger.error("a kubelet component failed", ["error": "\(error)"])
            failure = error
        }
        await stopAllPods()
        logger.info("stopped")
        if let failure { throw failure }
    }

    /// Starts a worker for every new pod, hands every running worker its pod's newest
    /// version, and asks the workers of vanished or deleted pods to stop theirs.
    private func reconcileWorkers(addingTo group: inout ThrowingDiscardingTaskGroup<any Error>, changed: AsyncStream<Void>.Continuation) async {
        let desired = await podManager.pods
        let desiredUIDs = Set(desired.map(\.metadata.uid))
        for uid in await workers.activeUIDs where !desiredUIDs.contains(uid) {
            await workers.terminate(pod: uid)
        }
        for pod in desired {
            let uid = pod.metadata.uid
            // A pod the worker already runs: hand it the newer version (a changed image, or
            // the deletion mark and grace period that the API server set, which then stops it).
            if let worker = await workers.worker(forPod: uid) {
                worker.update(pod)
                if pod.metadata.deletionTimestamp != nil { await workers.terminate(pod: uid) }
                continue
            }
            // A pod being deleted that this kubelet never started is not started now.
            guard pod.metadata.deletionTimestamp == nil else { continue }
            logger.info("adding pod", ["pod": pod.metadata.name, "source": pod.metadata.annotations[ConfigAnnotation.source] ?? ""])
            let worker = PodWorker(
                pod: pod, runtime: runtime, configuration: configuration,
                statusManager: statusManager, recorder: recorder, logger: logger,
                // Stage 2 > the API connection gives the kubelet the ConfigMaps and Secrets its pods refer to
                configObjects: configObjects
                // Stage 2 <
            )
            await workers.add(worker, forPod: uid)
            group.addTask {
                await worker.run()
                // Cancelled means shutdown: the worker stays in the table so that
                // `stopAllPods` finds it and stops its pod.
                guard !Task.isCancelled else { return }
                await workers.remove(pod: uid)
                // The pod may have come back while its old worker was stopping it.
                changed.yield()
            }
        }
    }

    /// Stops every pod at shutdown, all at once, each with its own grace period.
    ///
    /// This runs after the kubelet's task was cancelled, and a cancelled task cannot
    /// wait (every `Task.sleep` throws at once). So the stopping happens in a fresh,
    /// uncancelled task that this one awaits: shutdown cannot be cut short by the very
    /// cancellation that asked for it.
    private func stopAllPods() async {
        let all = await workers.all
        guard !all.isEmpty else { return }
        logger.info("stopping all pods", ["count": all.count])
        await Task {
            await withTaskGroup(of: Void.self) { group in
                for worker in all {
                    group.addTask { await worker.terminate() }
                }
            }
        }.value
    }

    /// Stops and removes containers and sandboxes that an earlier kubelet left behind.
    ///
    /// A kubelet killed without warning (SIGKILL, a crash) leaves its containers running.
    /// On start, this kubelet knows no pods yet, so whatever the runtime still holds
    /// belongs to no one: like Kubernetes' pod cleanup, it is stopped and removed, and the
    /// sources' pods are started afresh.
    private func removeLeftoverContainers() async {
        let grace = Duration.seconds(KubeletConfiguration.Defaults.terminationGracePeriodSeconds)
        for container in (try? await runtime.listContainers(sandboxID: nil)) ?? [] {
            if container.state == .running {
                logger.info("stopping container left by an earlier kubelet", ["name": container.metadata.name, "id": container.id])
                try? await runtime.stopContainer(id: container.id, timeout: grace)
            }
            try? await runtime.removeContainer(id: container.id)
        }
        for sandbox in (try? await runtime.listPodSandboxes()) ?? [] {
            try? await runtime.stopPodSandbox(id: sandbox.id)
            try? await runtime.removePodSandbox(id: sandbox.id)
        }
    }
}
