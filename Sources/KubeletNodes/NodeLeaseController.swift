// Stage 4 · KubeletNodes: the node's heartbeat as a small Lease, renewed every 10 seconds.
//
// A node's status is a large object (its images, conditions, addresses), and writing it
// every 10 s from every node is the heaviest steady load a big cluster puts on its API
// server. So since Kubernetes 1.14 a kubelet proves it is alive with a tiny Lease,
// `kube-node-lease/<node name>`, renewed every 10 s (a quarter of its 40 s duration), and
// writes the whole status less often. The node lifecycle controller (stage 5) reads the
// Lease's renewTime to decide whether a node is gone.
//
// This is Kubernetes' lease controller (`component-helpers/apimachinery/lease`, used by
// `pkg/kubelet/nodelease`): each round it updates the Lease it last wrote (one request);
// if that fails it reads or creates the Lease again, retrying with back-off (100 ms
// doubling to 7 s) while the API server is away; a Conflict (someone else wrote it) means
// read and try again. The Lease is owned by its Node (an ownerReference with the Node's
// uid), so deleting the Node deletes its Lease with it.

import API
import APIMachinery
import Client
import ClusterKinds
import Common
import SchedulingKinds

/// Keeps this node's Lease renewed until cancelled; run beside the kubelet's API connection.
public actor NodeLeaseController {
    /// The kubelet's `nodeLeaseDurationSeconds` default.
    public static let defaultLeaseDurationSeconds: Int32 = 40
    /// The share of the duration between renewals (Kubernetes' `renewIntervalFraction`).
    public static let renewIntervalFraction = 0.25
    /// How many times one round tries its update (Kubernetes' `maxUpdateRetries`).
    public static let maxUpdateRetries = 5
    /// The first and the longest wait while the Lease cannot be read or created.
    public static let initialEnsureBackoff: Duration = .milliseconds(100)
    public static let maxEnsureBackoff: Duration = .seconds(7)

    public nonisolated let nodeName: String
    private let client: APIClient
    private let leaseDurationSeconds: Int32
    private let renewInterval: Duration
    private let clock: any Clock<Duration>
    private let logger: Logger
    /// The Lease as last written by this controller: the next round's update starts from it.
    private var latestLease: Lease?

    /// A controller for `nodeName`'s Lease, renewed every `renewInterval` (by default a
    /// quarter of the lease's duration: 10 s).
    public init(
        client: APIClient, nodeName: String, leaseDurationSeconds: Int32 = defaultLeaseDurationSeconds,
        renewInterval: Duration? = nil, clock: some Clock<Duration> = ContinuousClock(), logger: Logger
    ) {
        self.client = client
        self.nodeName = nodeName
        self.leaseDurationSeconds = leaseDurationSeconds
        self.renewInterval = renewInterval ?? .seconds(Double(leaseDurationSeconds) * Self.renewIntervalFraction)
        self.clock = clock
        self.logger = logger
    }

    /// Renews the Lease at once and then every `renewInterval`, until cancelled.
    public func run() async throws {
        while true {
            await sync()
            try await clock.sleep(for: renewInterval)
        }
    }

    /// One round: update the last Lease written; failing that, make sure one exists and update it.
    func sync() async {
        if let latestLease {
            if await retryUpdate(latestLease) { return }
            logger.info("failed to update lease using latest lease, fallback to ensure lease", ["node": nodeName])
        }
        guard let (lease, created) = await ensureWithBackoff() else { return }
        latestLease = lease
        if !created, !(await retryUpdate(lease)) {
            logger.error("will retry updating lease", ["node": nodeName, "interval": renewInterval])
        }
    }

    /// Reads the Lease, or creates it, waiting longer after each failure; nil if cancelled.
    private func ensureWithBackoff() async -> (Lease, created: Bool)? {
        var wait = Self.initialEnsureBackoff
        while !Task.isCancelled {
            do {
                return try await ensure()
            } catch {
                wait = min(wait * 2, Self.maxEnsureBackoff)
                logger.error("failed to ensure lease exists, will retry", ["node": nodeName, "interval": wait, "error": error])
                do { try await clock.sleep(for: wait) } catch { return nil }
            }
        }
        return nil
    }

    private func ensure() async throws(APIError) -> (Lease, created: Bool) {
        do {
            return (try await client.get(Lease.self, namespace: Lease.nodeLeaseNamespace, name: nodeName), false)
        } catch let error where error.isNotFound {
            return (try await client.create(await renewed(nil)), true)
        }
    }

    /// Updates `base` with a fresh renewTime, up to `maxUpdateRetries` times; whether it was written.
    private func retryUpdate(_ base: Lease) async -> Bool {
        var base = base
        for _ in 0..<Self.maxUpdateRetries {
            do {
                latestLease = try await client.update(await renewed(base))
                return true
            } catch {
                logger.error("failed to update lease", ["node": nodeName, "error": error])
                // Someone else wrote the Lease: only its newer version can be updated.
                if error.isConflict, let (fresh, _) = await ensureWithBackoff() { base = fresh }
            }
        }
        return false
    }

    /// The Lease to write: `base` (or a new one) held by this node, renewed now, owned by its Node.
    private func renewed(_ base: Lease?) async -> Lease {
        var lease = base ?? Lease(
            metadata: ObjectMeta(name: nodeName, namespace: Lease.nodeLeaseNamespace),
            spec: LeaseSpec(holderIdentity: nodeName, leaseDurationSeconds: leaseDurationSeconds))
        if lease.metadata.ownerReferences.isEmpty {
            // Kubernetes' setNodeOwnerFunc: the Node may not exist yet at the first rounds; then the next one sets it.
            do {
                let node = try await client.get(Node.self, name: nodeName)
                lease.metadata.ownerReferences = [OwnerReference(apiVersion: "v1", kind: "Node", name: nodeName, uid: node.metadata.uid)]
            } catch {
                logger.error("failed to get node when trying to set owner ref to the node lease", ["node": nodeName, "error": error])
            }
        }
        lease.spec.renewTime = .now()
        return lease
    }
}
